import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { ltiBindLinks } from '@/db/schema';

export async function recordBindLink(tokenHash: string, schoolId: string, createdBy: string | null, ttlHours: number) {
  const db = await getDb();
  await db.insert(ltiBindLinks).values({ tokenHash, schoolId, createdBy, expiresAt: sql`now() + make_interval(hours => ${ttlHours})` });
}

/** The school of an unused, unexpired link (it is consumed only when the registration is saved). */
export async function getBindLinkSchool(tokenHash: string) {
  const db = await getDb();
  const [row] = await db
    .select({ schoolId: ltiBindLinks.schoolId })
    .from(ltiBindLinks)
    .where(and(eq(ltiBindLinks.tokenHash, tokenHash), isNull(ltiBindLinks.usedAt), gt(ltiBindLinks.expiresAt, sql`now()`)));
  return row?.schoolId ?? null;
}

/** Uses the link for its own school, once; false when it was used, expired or names another school. */
export async function consumeBindLink(tx: Tx, tokenHash: string, schoolId: string) {
  const used = await tx
    .update(ltiBindLinks)
    .set({ usedAt: sql`now()` })
    .where(and(eq(ltiBindLinks.tokenHash, tokenHash), eq(ltiBindLinks.schoolId, schoolId), isNull(ltiBindLinks.usedAt), gt(ltiBindLinks.expiresAt, sql`now()`)))
    .returning({ schoolId: ltiBindLinks.schoolId });
  return used.length === 1;
}
