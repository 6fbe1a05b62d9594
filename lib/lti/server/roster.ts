import 'server-only';
import type { StoredRegistration } from '@/db/queries/lti-registrations';
import { ltiPerson, upsertLtiUser } from './lti-users';
import { fetchMemberships } from '@/lib/lti/nrps';
import { mapRoles } from '@/lib/lti/roles';
import { toRegistration } from './stores';
import { services } from './context';

const SYNC_EVERY_MS = 10 * 60_000;
// Pages well under the guarded fetcher's 1 MB answer cap (Moodle sends the whole course in one page otherwise).
const ROSTER_PAGE_SIZE = 200;
const lastSync = new Map<string, number>();

/**
 * Names and Role Provisioning: every active member of the staff course becomes an expected
 * teacher of the school (with the launched module's tier), so the dashboard counts people who
 * have not launched yet. At most once per course every ten minutes per server.
 */
export async function syncRoster(stored: StoredRegistration, membershipsUrl: string, contextId: string, tier: string | null) {
  const key = `${stored.id}|${contextId}`;
  if (!stored.schoolId || Date.now() - (lastSync.get(key) ?? 0) < SYNC_EVERY_MS) return 0;
  lastSync.set(key, Date.now());
  const roster = await fetchMemberships(services, { registration: toRegistration(stored), contextMembershipsUrl: membershipsUrl, limit: ROSTER_PAGE_SIZE });
  let synced = 0;
  for (const m of roster.members) {
    const role = m.status === 'Active' ? mapRoles(m.roles, stored.roleMapping ?? undefined) : null;
    if (!role) continue;
    const person = ltiPerson({ sub: m.userId, name: m.name, given: m.givenName, family: m.familyName, email: m.email, locale: null });
    if (!person) continue;
    await upsertLtiUser({ id: stored.id, schoolId: stored.schoolId }, person, role, role === 'teacher' ? tier : null);
    synced++;
  }
  return synced;
}
