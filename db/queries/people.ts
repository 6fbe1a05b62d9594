import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { memberships, userSessions, users } from '@/db/schema';
import { recordAudit, type Actor } from './audit';

export async function listSchoolPeople(schoolId: string) {
  const db = await getDb();
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, tiers: memberships.tiers, active: memberships.active })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.schoolId, schoolId))
    .orderBy(asc(memberships.role), asc(users.name));
}

/** Changes only a member of the actor's own school; false when there is no such member. */
export async function recordMemberTiers(actor: Actor & { schoolId: string }, userId: string, tiers: string[]) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(memberships)
      .set({ tiers })
      .where(and(eq(memberships.schoolId, actor.schoolId), eq(memberships.userId, userId)))
      .returning({ userId: memberships.userId });
    if (changed.length === 0) return false;
    await recordAudit(tx, actor, 'member.tiers_changed', { userId, tiers });
    return true;
  });
}

export async function recordMemberActive(actor: Actor & { schoolId: string }, userId: string, active: boolean) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(memberships)
      .set({ active })
      .where(and(eq(memberships.schoolId, actor.schoolId), eq(memberships.userId, userId), sql`${memberships.userId} <> ${actor.actorId}`))
      .returning({ userId: memberships.userId });
    if (changed.length === 0) return false;
    // A deactivated teacher is signed out of this school at once, not when the cookie expires.
    if (!active) await tx.delete(userSessions).where(and(eq(userSessions.userId, userId), eq(userSessions.schoolId, actor.schoolId)));
    await recordAudit(tx, actor, active ? 'member.reactivated' : 'member.deactivated', { userId });
    return true;
  });
}

export async function getUserIdByEmail(email: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return row?.id;
}
