import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { schools, type LocalizedText } from '@/db/schema';

export async function getSchoolBySlug(slug: string) {
  const db = await getDb();
  const [row] = await db.select().from(schools).where(eq(schools.slug, slug)).limit(1);
  return row;
}

export async function createSchoolIfAbsent(slug: string, name: LocalizedText) {
  const db = await getDb();
  await db.insert(schools).values({ slug, name }).onConflictDoNothing({ target: schools.slug });
  return (await getSchoolBySlug(slug))!;
}
