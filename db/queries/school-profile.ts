import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { regions, schools, type LocalizedText } from '@/db/schema';
import { recordAudit, type Actor } from './audit';

export type SchoolProfile = {
  name: LocalizedText;
  address: string;
  contactPhone: string;
  contactEmail: string;
  counsellorName: string;
  counsellorContact: string;
  logo: string | null;
};

/** What a school shows of itself on handouts and certificates. */
export const publicProfileColumns = {
  slug: schools.slug,
  name: schools.name,
  address: schools.address,
  contactPhone: schools.contactPhone,
  contactEmail: schools.contactEmail,
  counsellorName: schools.counsellorName,
  counsellorContact: schools.counsellorContact,
  logo: schools.logo,
  profileVersion: schools.profileVersion,
};

export async function getSchoolProfile(schoolId: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: schools.id,
      ...publicProfileColumns,
      joinCode: schools.joinCode,
      regionId: schools.regionId,
      regionName: regions.name,
    })
    .from(schools)
    .leftJoin(regions, eq(regions.id, schools.regionId))
    .where(eq(schools.id, schoolId));
  return row;
}

export type SavedProfile = { id: string; slug: string; profileVersion: number };

/** `alsoInTx`: work that must commit with the new profile or not at all (the handout pre-render job). */
export async function recordSchoolProfile(
  actor: Actor & { schoolId: string },
  profile: SchoolProfile,
  alsoInTx?: (tx: Tx, saved: SavedProfile) => Promise<void>,
): Promise<SavedProfile | undefined> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [saved] = await tx
      .update(schools)
      .set({ ...profile, profileVersion: sql`${schools.profileVersion} + 1` })
      .where(eq(schools.id, actor.schoolId))
      .returning({ id: schools.id, slug: schools.slug, profileVersion: schools.profileVersion });
    await recordAudit(tx, actor, 'profile.updated', { name: profile.name.en });
    if (saved && alsoInTx) await alsoInTx(tx, saved);
    return saved;
  });
}

export async function recordJoinCode(actor: Actor & { schoolId: string }, code: string) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(schools).set({ joinCode: code }).where(eq(schools.id, actor.schoolId));
    await recordAudit(tx, actor, 'join_code.rotated');
  });
}

export async function getSchoolByJoinCode(code: string) {
  const db = await getDb();
  const [row] = await db.select({ id: schools.id, name: schools.name }).from(schools).where(eq(schools.joinCode, code));
  return row;
}
