import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { schools } from '@/db/schema';

/** What a filled template prints about the school: asked for by the caller's own school id only. */
export async function getTemplateSchool(schoolId: string) {
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
    })
    .from(schools)
    .where(eq(schools.id, schoolId));
  return row;
}
