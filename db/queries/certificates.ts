import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { certificates } from '@/db/schema';

export async function getCertificate(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: certificates.id,
      teacherName: certificates.teacherName,
      schoolName: certificates.schoolName,
      moduleTitle: certificates.moduleTitle,
      tier: certificates.tier,
      score: certificates.score,
      issuedAt: certificates.issuedAt,
    })
    .from(certificates)
    .where(eq(certificates.id, id));
  return row;
}

export async function getMyCertificateId(userId: string, moduleId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: certificates.id })
    .from(certificates)
    .where(and(eq(certificates.userId, userId), eq(certificates.moduleId, moduleId)));
  return row?.id;
}

export async function listMyCertificates(userId: string) {
  const db = await getDb();
  return db.select({ id: certificates.id, moduleId: certificates.moduleId }).from(certificates).where(eq(certificates.userId, userId));
}

/** The certificate freezes what it shows (names, title, score) at the first pass; later passes keep it. */
export async function recordCertificate(tx: Tx, c: { id: string; userId: string; schoolId: string; moduleId: string; attemptId: string; score: number }) {
  await tx.execute(sql`
    insert into certificates (id, user_id, school_id, module_id, attempt_id, teacher_name, school_name, module_title, tier, score)
    select ${c.id}, u.id, s.id, m.id, ${c.attemptId}, u.name, s.name, m.title, m.tier, ${c.score}
    from users u, schools s, modules m
    where u.id = ${c.userId} and s.id = ${c.schoolId} and m.id = ${c.moduleId}
    on conflict (user_id, module_id) do nothing`);
}
