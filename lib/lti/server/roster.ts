import 'server-only';
import { getLastRosterSync, recordRosterSync } from '@/db/queries/lti-roster-status';
import { transaction } from '@/db';
import { enqueueJob, type ClaimedJob } from '@/db/queries/jobs';
import { getRegistrationById, type StoredRegistration } from '@/db/queries/lti-registrations';
import { ltiPerson, upsertLtiUser } from './lti-users';
import { fetchMemberships } from '@/lib/lti/nrps';
import { mapRoles } from '@/lib/lti/roles';
import { nextRosterSyncAt, ROSTER_SYNC_EVERY_MS, ROSTER_MAX_RETRIES, rosterFailure, rosterRetryDelayMs } from '@/lib/lti/roster-policy';
import { toRegistration } from './stores';
import { services } from './context';
import { env } from '@/env';

// Pages well under the guarded fetcher's 1 MB answer cap (Moodle sends the whole course in one page otherwise).
const ROSTER_PAGE_SIZE = 200;
const retryBaseMs = () => env().LTI_ROSTER_RETRY_MS;
// Only against two syncs of one course in this process at once; across processes the recorded
// last sync (in the database) decides whether a sync is due.
const running = new Set<string>();

/**
 * Names and Role Provisioning: every active member of the staff course becomes an expected
 * teacher of the school (with the launched module's tier), so the dashboard counts people who
 * have not launched yet. A course is synced at most every ten minutes; a failed sync is
 * recorded for the LMS page and retried with backoff. Resolves to the members synced, or null
 * when no sync was due or it failed.
 */
export async function syncRoster(stored: StoredRegistration, membershipsUrl: string, contextId: string, tier: string | null): Promise<number | null> {
  const schoolId = stored.schoolId;
  const key = `${stored.id}|${contextId}`;
  if (!schoolId || running.has(key)) return null;
  running.add(key);
  try {
    const last = await getLastRosterSync(schoolId, stored.id, contextId);
    if (nextRosterSyncAt(last, retryBaseMs()) > new Date()) return null;
    try {
      const synced = await importRoster(stored, schoolId, membershipsUrl, tier);
      await recordRosterSync(schoolId, stored.id, contextId, { ok: true, members: synced });
      return synced;
    } catch (err) {
      const failures = (last && !last.ok ? last.failures : 0) + 1;
      const failure = rosterFailure(err);
      console.warn(`[lti] roster sync of registration ${stored.id} failed (${failures} in a row): ${(err as Error).message}`);
      await recordRosterSync(schoolId, stored.id, contextId, { ok: false, failures, ...failure });
      if (failures <= ROSTER_MAX_RETRIES) scheduleRetry(stored.id, membershipsUrl, contextId, tier, rosterRetryDelayMs(failures, retryBaseMs()), failures);
      return null;
    }
  } finally {
    running.delete(key);
  }
}

async function importRoster(stored: StoredRegistration, schoolId: string, membershipsUrl: string, tier: string | null) {
  const roster = await fetchMemberships(services, { registration: toRegistration(stored), contextMembershipsUrl: membershipsUrl, limit: ROSTER_PAGE_SIZE });
  let synced = 0;
  for (const m of roster.members) {
    const role = m.status === 'Active' ? mapRoles(m.roles, stored.roleMapping ?? undefined) : null;
    if (!role) continue;
    const person = ltiPerson({ sub: m.userId, name: m.name, given: m.givenName, family: m.familyName, email: m.email, locale: null });
    if (!person) continue;
    await upsertLtiUser({ id: stored.id, schoolId }, person, role, role === 'teacher' ? tier : null);
    synced++;
  }
  return synced;
}

export type RosterJob = { registrationId: string; membershipsUrl: string; contextId: string; tier: string | null };

/**
 * Queues a roster sync for the course: the job key names the course and the ten-minute window,
 * so however many launches (on however many servers) ask, it runs once per course per window.
 */
export async function queueRosterSync(job: RosterJob) {
  const window = Math.floor(Date.now() / ROSTER_SYNC_EVERY_MS);
  await transaction((tx) => enqueueJob(tx, { key: `lti.roster:${job.registrationId}:${job.contextId}:${window}`, name: 'lti.roster-sync', payload: job }));
}

/** The job: the registration is read again, so one removed or deactivated meanwhile syncs nothing. */
export async function runRosterJob(job: ClaimedJob) {
  const p = job.payload as RosterJob;
  const stored = await getRegistrationById(p.registrationId);
  return stored?.schoolId && stored.activatedAt ? syncRoster(stored, p.membershipsUrl, p.contextId, p.tier) : 0;
}

/** A failed sync is retried as a job of its own, once across all server processes. */
function scheduleRetry(registrationId: string, membershipsUrl: string, contextId: string, tier: string | null, delayMs: number, failures: number) {
  const payload: RosterJob = { registrationId, membershipsUrl, contextId, tier };
  transaction((tx) =>
    enqueueJob(tx, {
      key: `lti.roster-retry:${registrationId}:${contextId}:${failures}:${Date.now()}`,
      name: 'lti.roster-sync',
      payload,
      runAt: new Date(Date.now() + delayMs),
    }),
  ).catch((err) => console.warn(`[lti] roster retry could not be queued: ${(err as Error).message}`));
}
