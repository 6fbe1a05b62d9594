import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { schools } from '@/db/schema';

/** Only what a public handout prints about the school. */
export async function getHandoutSchool(slug: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      slug: schools.slug,
      name: schools.name,
      address: schools.address,
      contactPhone: schools.contactPhone,
      contactEmail: schools.contactEmail,
      counsellorName: schools.counsellorName,
      counsellorContact: schools.counsellorContact,
      logo: schools.logo,
      profileVersion: schools.profileVersion,
    })
    .from(schools)
    .where(eq(schools.slug, slug));
  return row;
}
