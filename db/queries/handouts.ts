import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { schools } from '@/db/schema';
import { publicProfileColumns } from './school-profile';

/** Only what a public handout prints about the school. */
export async function getHandoutSchool(slug: string) {
  const db = await getDb();
  const [row] = await db.select(publicProfileColumns).from(schools).where(eq(schools.slug, slug));
  return row;
}
