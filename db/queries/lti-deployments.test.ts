import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/test-db';
import { registerPlatform } from '@/lib/lti/server/registry';
import { listAudit } from './audit';
import { addSchoolDeployment, findActiveRegistration, getRegistrationById } from './lti-registrations';
import { createSchoolIfAbsent } from './schools';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const school: Record<string, string> = {};
const reg: Record<string, string> = {};
const system = { actorId: null, schoolId: null };
const canvas = (clientId: string) => ({
  issuer: 'https://canvas.instructure.com',
  clientId,
  authUrl: 'https://sso.canvaslms.com/api/lti/authorize_redirect',
  tokenUrl: 'https://school.instructure.com/login/oauth2/token',
  jwksUrl: 'https://sso.canvaslms.com/api/lti/security/jwks',
  deploymentIds: ['first'],
});

beforeAll(async () => {
  db = await createTestDatabase();
  for (const slug of ['a', 'b']) school[slug] = (await createSchoolIfAbsent(slug, { en: slug, ru: slug, kk: slug })).id;
  for (const slug of ['a', 'b']) {
    const saved = await registerPlatform(system, { ...canvas(`1000000000000${slug === 'a' ? 1 : 2}`), schoolId: school[slug]! });
    if (!saved.ok) throw new Error('setup');
    reg[slug] = saved.id;
  }
});
afterAll(() => db.dispose());

describe('adding a deployment id to a connected platform', () => {
  it("adds it to the admin's own school's registration, audited, and the launch lookup sees it", async () => {
    expect(await addSchoolDeployment({ actorId: null, schoolId: school.a! }, reg.a!, school.a!, '42:abc')).toBe(true);
    expect((await getRegistrationById(reg.a!))!.deploymentIds.sort()).toEqual(['42:abc', 'first']);
    expect((await findActiveRegistration('https://canvas.instructure.com', '10000000000001'))!.deploymentIds).toContain('42:abc');
    const audit = await listAudit(school.a!);
    expect(audit.filter((a) => a.action === 'lti.deployment_added')).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ deployment: '42:abc' }) }),
    ]);
  });

  it('is idempotent: adding the same id again changes nothing and writes no second audit entry', async () => {
    expect(await addSchoolDeployment({ actorId: null, schoolId: school.a! }, reg.a!, school.a!, '42:abc')).toBe(true);
    expect((await getRegistrationById(reg.a!))!.deploymentIds).toHaveLength(2);
    expect((await listAudit(school.a!)).filter((a) => a.action === 'lti.deployment_added')).toHaveLength(1);
  });

  it("refuses another school's registration and leaves it untouched", async () => {
    expect(await addSchoolDeployment({ actorId: null, schoolId: school.a! }, reg.b!, school.a!, 'planted')).toBe(false);
    expect((await getRegistrationById(reg.b!))!.deploymentIds).toEqual(['first']);
    expect((await listAudit(school.b!)).some((a) => a.action === 'lti.deployment_added')).toBe(false);
  });

  it('refuses an unknown registration', async () => {
    expect(await addSchoolDeployment({ actorId: null, schoolId: school.a! }, '00000000-0000-4000-8000-000000000000', school.a!, 'x')).toBe(false);
  });
});
