import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
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
