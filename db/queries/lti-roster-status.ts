import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema';

// Roster syncs are recorded in the school's audit log (no table of their own): the LMS page and
// every server process read the last outcome from there.
/** A sync's outcome as stored: the reason code and HTTP status of a failure, never the remote body. */
export type RosterFailure = { reason: 'network' | 'http' | 'invalid_response' | 'other'; status?: number };
export type LastRosterSync = { ok: boolean; at: Date; failures: number };

const SYNCED = 'lti.roster_synced';
const FAILED = 'lti.roster_sync_failed';

export type RosterOutcome = { ok: true; members: number } | ({ ok: false; failures: number } & RosterFailure);

export async function recordRosterSync(schoolId: string, registrationId: string, contextId: string, outcome: RosterOutcome) {
  const db = await getDb();
  const { ok, ...rest } = outcome;
  await db.insert(auditLog).values({ schoolId, actorId: null, action: ok ? SYNCED : FAILED, details: { registrationId, contextId, ...rest } });
}

export async function getLastRosterSync(schoolId: string, registrationId: string, contextId: string): Promise<LastRosterSync | null> {
  const db = await getDb();
  const [row] = await db
    .select({ action: auditLog.action, details: auditLog.details, createdAt: auditLog.createdAt })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.schoolId, schoolId),
        inArray(auditLog.action, [SYNCED, FAILED]),
        sql`${auditLog.details}->>'registrationId' = ${registrationId}`,
        sql`${auditLog.details}->>'contextId' = ${contextId}`,
      ),
    )
    .orderBy(desc(auditLog.createdAt))
    .limit(1);
  if (!row) return null;
  return { ok: row.action === SYNCED, at: row.createdAt, failures: Number(row.details.failures ?? 0) };
}

export type RosterStatus = { registrationId: string; ok: boolean; at: Date; members: number | null; failures: number } & Partial<RosterFailure>;

/** The last roster sync of each of the school's registrations (any of its courses). */
export async function listRosterStatus(schoolId: string): Promise<RosterStatus[]> {
  const db = await getDb();
  const registration = sql<string>`${auditLog.details}->>'registrationId'`;
  const rows = await db
    .selectDistinctOn([registration], { action: auditLog.action, details: auditLog.details, createdAt: auditLog.createdAt })
    .from(auditLog)
    .where(and(eq(auditLog.schoolId, schoolId), inArray(auditLog.action, [SYNCED, FAILED])))
    .orderBy(registration, desc(auditLog.createdAt));
  return rows.map((r) => ({
    registrationId: String(r.details.registrationId),
    ok: r.action === SYNCED,
    at: r.createdAt,
    members: typeof r.details.members === 'number' ? r.details.members : null,
    failures: Number(r.details.failures ?? 0),
    ...(typeof r.details.reason === 'string' ? { reason: r.details.reason as RosterFailure['reason'] } : {}),
    ...(typeof r.details.status === 'number' ? { status: r.details.status } : {}),
  }));
}
