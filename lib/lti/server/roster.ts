import 'server-only';
import { transaction } from '@/db';
import { enqueueJob, type ClaimedJob } from '@/db/queries/jobs';
import { getRegistrationById, type StoredRegistration } from '@/db/queries/lti-registrations';
import { upsertLtiUser } from './lti-users';
import { fetchMemberships } from '@/lib/lti/nrps';
import { mapRoles } from '@/lib/lti/roles';
import { toRegistration } from './stores';
import { services } from './context';

const SYNC_EVERY_MS = 10 * 60_000;
// Pages well under the guarded fetcher's 1 MB answer cap (Moodle sends the whole course in one page otherwise).
const ROSTER_PAGE_SIZE = 200;

export type RosterJob = { registrationId: string; membershipsUrl: string; contextId: string; tier: string | null };

/**
 * Queues a roster sync for the course: the job key names the course and the ten-minute window,
 * so however many launches (on however many servers) ask, it runs once per course per window.
 */
export async function queueRosterSync(job: RosterJob) {
  const window = Math.floor(Date.now() / SYNC_EVERY_MS);
  await transaction((tx) => enqueueJob(tx, { key: `lti.roster:${job.registrationId}:${job.contextId}:${window}`, name: 'lti.roster-sync', payload: job }));
}

/** The job: the registration is read again, so a registration removed meanwhile syncs nothing. */
export async function runRosterJob(job: ClaimedJob) {
  const p = job.payload as RosterJob;
  const stored = await getRegistrationById(p.registrationId);
  return stored ? syncRoster(stored, p.membershipsUrl, p.contextId, p.tier) : 0;
}

/**
 * Names and Role Provisioning: every active member of the staff course becomes an expected
 * teacher of the school (with the launched module's tier), so the dashboard counts people who
 * have not launched yet.
 */
export async function syncRoster(stored: StoredRegistration, membershipsUrl: string, contextId: string, tier: string | null) {
  if (!stored.schoolId) return 0;
  const roster = await fetchMemberships(services, { registration: toRegistration(stored), contextMembershipsUrl: membershipsUrl, limit: ROSTER_PAGE_SIZE });
  let synced = 0;
  for (const m of roster.members) {
    const role = m.status === 'Active' ? mapRoles(m.roles, stored.roleMapping ?? undefined) : null;
    if (!role) continue;
    const name = m.name ?? ([m.givenName, m.familyName].filter(Boolean).join(' ') || `LMS user ${m.userId.slice(0, 8)}`);
    await upsertLtiUser({ id: stored.id, schoolId: stored.schoolId }, { sub: m.userId, name, email: m.email ?? null, locale: null }, role, role === 'teacher' ? tier : null);
    synced++;
  }
  return synced;
}
