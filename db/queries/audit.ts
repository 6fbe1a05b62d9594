import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { auditLog, users } from '@/db/schema';

export type Actor = { actorId: string | null; schoolId: string | null };

/** Written in the same transaction as the change it describes. */
export async function recordAudit(tx: Tx, actor: Actor, action: string, details: Record<string, unknown> = {}) {
  await tx.insert(auditLog).values({ schoolId: actor.schoolId, actorId: actor.actorId, action, details });
}

export async function listAudit(schoolId: string, limit = 200) {
  const db = await getDb();
  return db
    .select({ id: auditLog.id, action: auditLog.action, details: auditLog.details, createdAt: auditLog.createdAt, actorName: users.name, actorEmail: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(auditLog.schoolId, schoolId))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}
