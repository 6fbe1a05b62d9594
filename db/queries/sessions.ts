import 'server-only';
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { memberships, userSessions } from '@/db/schema';

/** The school a new password session works in: the user's oldest active membership (stable order). */
export async function getDefaultSchoolId(userId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ schoolId: memberships.schoolId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true)))
    .orderBy(asc(memberships.createdAt), asc(memberships.schoolId))
    .limit(1);
  return row?.schoolId ?? null;
}

export async function createSession(id: string, userId: string, schoolId: string | null, ttlSeconds: number) {
  const db = await getDb();
  await db.insert(userSessions).values({ id, userId, schoolId, expiresAt: sql`now() + make_interval(secs => ${ttlSeconds})` });
  // Ended sessions are garbage: clear a few as we go, so the table stays the size of live sessions.
  await db.delete(userSessions).where(sql`${userSessions.id} in (select id from user_sessions where expires_at <= now() limit 100)`);
}

/** A live session, or undefined once it was ended or expired. */
export async function getSession(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({ userId: userSessions.userId, schoolId: userSessions.schoolId })
    .from(userSessions)
    .where(and(eq(userSessions.id, id), gt(userSessions.expiresAt, sql`now()`)));
  return row;
}

export async function endSession(id: string) {
  const db = await getDb();
  await db.delete(userSessions).where(eq(userSessions.id, id));
}

/** Ends every session of a user, or only those working in one school. */
export async function endUserSessions(userId: string, schoolId?: string) {
  const db = await getDb();
  await db.delete(userSessions).where(and(eq(userSessions.userId, userId), schoolId ? eq(userSessions.schoolId, schoolId) : undefined));
}

export async function pruneExpiredSessions() {
  const db = await getDb();
  await db.delete(userSessions).where(lte(userSessions.expiresAt, sql`now()`));
}
