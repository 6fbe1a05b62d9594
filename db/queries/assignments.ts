import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { assignments, memberships, modules, users } from '@/db/schema';
import { recordAudit, type Actor } from './audit';

export async function listAssignments(schoolId: string) {
  const db = await getDb();
  return db
    .select({
      id: assignments.id,
      moduleId: assignments.moduleId,
      moduleTier: modules.tier,
      title: modules.title,
      tier: assignments.tier,
      userId: assignments.userId,
      userName: users.name,
      dueDate: assignments.dueDate,
    })
    .from(assignments)
    .innerJoin(modules, eq(modules.id, assignments.moduleId))
    .leftJoin(users, eq(users.id, assignments.userId))
    .where(eq(assignments.schoolId, schoolId))
    .orderBy(asc(assignments.dueDate), sql`split_part(${modules.tier}, '-', 1)::int`, asc(modules.position));
}

export type NewAssignment = { moduleId: string; dueDate: string } & ({ tier: string; userId?: never } | { userId: string; tier?: never });

/**
 * Assigns a module to a tier or to a named teacher of the actor's school; assigning it again
 * moves the due date. Returns false when the named teacher is not in the school.
 */
export async function recordAssignment(actor: Actor & { schoolId: string }, a: NewAssignment) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (a.userId) {
      const [member] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.schoolId, actor.schoolId), eq(memberships.userId, a.userId)));
      if (!member) return false;
    }
    const values = {
      schoolId: actor.schoolId,
      moduleId: a.moduleId,
      tier: a.tier ?? null,
      userId: a.userId ?? null,
      dueDate: a.dueDate,
      createdBy: actor.actorId,
    };
    await tx
      .insert(assignments)
      .values(values)
      .onConflictDoUpdate({
        target: a.userId ? [assignments.schoolId, assignments.moduleId, assignments.userId] : [assignments.schoolId, assignments.moduleId, assignments.tier],
        targetWhere: a.userId ? sql`${assignments.userId} is not null` : sql`${assignments.userId} is null`,
        set: { dueDate: a.dueDate },
      });
    await recordAudit(tx, actor, 'assignment.set', { moduleId: a.moduleId, tier: a.tier, userId: a.userId, dueDate: a.dueDate });
    return true;
  });
}

export async function removeAssignment(actor: Actor & { schoolId: string }, assignmentId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(assignments)
      .where(and(eq(assignments.id, assignmentId), eq(assignments.schoolId, actor.schoolId)))
      .returning({ moduleId: assignments.moduleId, tier: assignments.tier, userId: assignments.userId });
    if (gone.length === 0) return false;
    await recordAudit(tx, actor, 'assignment.removed', gone[0]!);
    return true;
  });
}

/** Due dates that apply to one teacher: their tiers' assignments and those naming them. */
export async function listMyAssignments(schoolId: string, userId: string, tiers: string[]) {
  const db = await getDb();
  const rows = await db
    .select({ moduleId: assignments.moduleId, tier: assignments.tier, userId: assignments.userId, dueDate: assignments.dueDate })
    .from(assignments)
    .where(eq(assignments.schoolId, schoolId));
  return rows.filter((r) => r.userId === userId || (r.tier !== null && tiers.includes(r.tier)));
}
