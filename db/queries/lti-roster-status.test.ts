import { resetEnvForTests } from '@/env';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runDueJobs } from '@/lib/jobs/runner';
import { createTestDatabase } from '@/db/test-db';
import { registerPlatform } from '@/lib/lti/server/registry';
import { runRosterJob, syncRoster } from '@/lib/lti/server/roster';
import { getPublishedJwks } from '@/lib/lti/server/tool-keys';
import { ROLES, startTestPlatform, type TestPlatform } from '@/test/lti-platform';
import { getLastRosterSync, listRosterStatus } from './lti-roster-status';
import { getRegistrationById } from './lti-registrations';
import { createSchoolIfAbsent } from './schools';

// The test platform speaks plain http on this machine; the guarded fetcher allows that only when told.
vi.hoisted(() => {
  process.env.LTI_ALLOW_LOOPBACK_HTTP = '1';
});
// Retries are queued as jobs: run the due ones as a server process would.
const runRetries = () => runDueJobs({ 'lti.roster-sync': runRosterJob });

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let platform: TestPlatform;
const school: Record<string, string> = {};
let registrationId = '';
const COURSE = 'staff-course-1';

beforeAll(async () => {
  process.env.LTI_ROSTER_RETRY_MS = '300';
  resetEnvForTests();
  db = await createTestDatabase();
  for (const slug of ['a', 'b']) school[slug] = (await createSchoolIfAbsent(slug, { en: slug, ru: slug, kk: slug })).id;
  platform = await startTestPlatform({
    clients: [{ clientId: 'kko-tool', deploymentIds: ['1'], redirectUris: ['http://127.0.0.1:9/lti/launch'], jwks: await getPublishedJwks() }],
    members: [
      { user_id: 't-1', roles: [ROLES.learner], name: 'Асель Нурланова' },
      { user_id: 't-2', roles: [ROLES.learner], name: 'Dias Omarov' },
      { user_id: 't-3', roles: [ROLES.learner], name: 'Left the course', status: 'Inactive' },
    ],
  });
  const saved = await registerPlatform({ actorId: null, schoolId: null }, { ...platform.registrationFor('kko-tool'), schoolId: school.a! });
  if (!saved.ok) throw new Error('setup');
  registrationId = saved.id;
});
afterAll(async () => {
  await platform.stop();
  await db.dispose();
});

const stored = async () => (await getRegistrationById(registrationId))!;

describe('course roster sync', () => {
  it('records a failure with a plain reason, retries with backoff, and records the recovery', async () => {
    platform.setMembershipsUp(false);
    expect(await syncRoster(await stored(), platform.urls.membershipsUrl(COURSE), COURSE, '9-10')).toBeNull();
    expect(await getLastRosterSync(school.a!, registrationId, COURSE)).toMatchObject({ ok: false, failures: 1 });
    const [failed] = await listRosterStatus(school.a!);
    expect(failed).toMatchObject({ registrationId, ok: false, reason: 'http', status: 503, failures: 1 });
    expect(JSON.stringify(failed)).not.toContain('maintenance');

    // Not due yet: a launch right after the failure does not hammer the LMS.
    const requests = platform.membershipRequests;
    expect(await syncRoster(await stored(), platform.urls.membershipsUrl(COURSE), COURSE, '9-10')).toBeNull();
    expect(platform.membershipRequests).toBe(requests);

    // The background retry (300 ms, then 600 ms…) fails again while the LMS is down, then succeeds.
    await expect
      .poll(async () => (await runRetries(), (await getLastRosterSync(school.a!, registrationId, COURSE))?.failures), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    platform.setMembershipsUp(true);
    await expect
      .poll(async () => (await runRetries(), (await listRosterStatus(school.a!))[0]), { timeout: 15_000 })
      .toMatchObject({ ok: true, members: 2, failures: 0 });

    // After a success the next sync waits for the normal interval.
    const after = platform.membershipRequests;
    expect(await syncRoster(await stored(), platform.urls.membershipsUrl(COURSE), COURSE, '9-10')).toBeNull();
    expect(platform.membershipRequests).toBe(after);
  });

  it("shows nothing of one school's roster syncs to another school", async () => {
    expect(await listRosterStatus(school.b!)).toEqual([]);
    expect(await getLastRosterSync(school.b!, registrationId, COURSE)).toBeNull();
  });
});
