import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { auditLog, memberships, users } from '@/db/schema';

export type Actor = { actorId: string | null; schoolId: string | null };

/** Written in the same transaction as the change it describes. */
export async function recordAudit(tx: Tx, actor: Actor, action: string, details: Record<string, unknown> = {}) {
  await tx.insert(auditLog).values({ schoolId: actor.schoolId, actorId: actor.actorId, action, details });
}

export async function listAudit(schoolId: string, limit = 200) {
  const db = await getDb();
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(auditLog.schoolId, schoolId))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Names of the people an audit page mentions, only those who are members of this school (anyone else stays unnamed). */
export async function listAuditPeopleNames(schoolId: string, userIds: string[]): Promise<Map<string, string>> {
  const ids = userIds.filter((id) => UUID.test(id));
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.schoolId, schoolId), inArray(users.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
