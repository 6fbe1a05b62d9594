import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '@/db/test-db';
import { hashToken } from '@/lib/admin/tokens';
import { upsertLtiUser } from '@/lib/lti/server/lti-users';
import { registerPlatform as recordRegistration } from '@/lib/lti/server/registry';
import { getBindLinkSchool, recordBindLink } from './lti-bind-links';
import { findActiveRegistration, listActiveRegistrationUrls } from './lti-registrations';
import { recordTicket, takeTicket } from './lti-tickets';
import { recordMemberActive } from './people';
import { createSchoolIfAbsent } from './schools';
import { createSession, getDefaultSchoolId, getSession } from './sessions';
import { createMemberIfAbsent, getUserContext, getUserForSignIn } from './users';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const school: Record<string, string> = {};
const reg: Record<string, string> = {};
const MOODLE_B = 'https://moodle-b.example.kz';
const platform = (issuer: string, clientId: string, jwks = `${issuer}/jwks`) => ({
  issuer,
  clientId,
  authUrl: `${issuer}/auth`,
  tokenUrl: `${issuer}/token`,
  jwksUrl: jwks,
  deploymentIds: ['1'],
});
const system = { actorId: null, schoolId: null };

beforeAll(async () => {
  db = await createTestDatabase();
  for (const slug of ['a', 'b']) school[slug] = (await createSchoolIfAbsent(slug, { en: slug, ru: slug, kk: slug })).id;
  const b = await recordRegistration(system, { ...platform(MOODLE_B, 'client-b'), schoolId: school.b! });
  if (!b.ok) throw new Error('setup');
  reg.b = b.id;
});
afterAll(() => db.dispose());

describe('LTI identities belong to one registration and one school', () => {
  it("never signs a forged registration's launch into another school's user", async () => {
    const victim = await upsertLtiUser(
      { id: reg.b!, schoolId: school.b! },
      { sub: '2', name: 'B admin', email: 'admin@b.kz', locale: null },
      'school_admin',
      null,
    );
    // School A's admin registers school B's issuer with a key set they control.
    const forged = await recordRegistration(system, { ...platform(MOODLE_B, 'client-a', 'https://attacker.example/jwks'), schoolId: school.a! });
    expect(forged.ok).toBe(true);
    if (!forged.ok) return;
    const attacker = await upsertLtiUser(
      { id: forged.id, schoolId: school.a! },
      { sub: '2', name: 'Renamed by A', email: 'admin@b.kz', locale: null },
      'school_admin',
      null,
    );
    expect(attacker).not.toBe(victim);
    // The victim is untouched: still B's admin, with their name, and no membership in A.
    expect(await getUserContext(victim, school.b!)).toMatchObject({ name: 'B admin', role: 'school_admin', schoolId: school.b });
    expect(await getUserContext(victim, school.a!)).toBeUndefined();
    // The forged identity lives in A only, and does not take over B's e-mail.
    expect(await getUserContext(attacker, school.b!)).toBeUndefined();
    expect(await getUserContext(attacker, school.a!)).toMatchObject({ email: null, schoolId: school.a });
  });

  it('lets two schools register the same LMS issuer without seeing each other', async () => {
    const shared = 'https://district-moodle.example.kz';
    const ra = await recordRegistration(system, { ...platform(shared, 'tool-for-a'), schoolId: school.a! });
    const rb = await recordRegistration(system, { ...platform(shared, 'tool-for-b'), schoolId: school.b! });
    if (!ra.ok || !rb.ok) throw new Error('both register');
    const ua = await upsertLtiUser({ id: ra.id, schoolId: school.a! }, { sub: '7', name: 'Teacher in A', email: null, locale: null }, 'teacher', '9-10');
    const ub = await upsertLtiUser({ id: rb.id, schoolId: school.b! }, { sub: '7', name: 'Teacher in B', email: null, locale: null }, 'teacher', '9-10');
    expect(ua).not.toBe(ub);
    expect(await getUserContext(ua, school.a!)).toMatchObject({ name: 'Teacher in A' });
    expect(await getUserContext(ub, school.b!)).toMatchObject({ name: 'Teacher in B' });
  });

  it('keeps a role the school set by hand when the LMS launches again', async () => {
    const u = await upsertLtiUser({ id: reg.b!, schoolId: school.b! }, { sub: '9', name: 'Promoted', email: null, locale: null }, 'teacher', '9-10');
    await db.db.execute(sql.raw(`update memberships set role = 'school_admin' where user_id = '${u}'`));
    await upsertLtiUser({ id: reg.b!, schoolId: school.b! }, { sub: '9', name: 'Promoted', email: null, locale: null }, 'teacher', '11-12');
    expect(await getUserContext(u, school.b!)).toMatchObject({ role: 'school_admin', tiers: ['9-10', '11-12'] });
  });

  it('refuses a registration that claims a client id another school holds', async () => {
    const taken = await recordRegistration(system, { ...platform(MOODLE_B, 'client-b', 'https://attacker.example/jwks'), schoolId: school.a! });
    expect(taken).toEqual({ ok: false, reason: 'other_school' });
    expect((await findActiveRegistration(MOODLE_B, 'client-b'))?.jwksUrl).toBe(`${MOODLE_B}/jwks`);
  });
});

describe('anonymous dynamic registrations', () => {
  it('are stored inactive, never frame the app and never change an existing registration', async () => {
    const pending = await recordRegistration(system, { ...platform('https://anon.example', 'anon-1'), schoolId: null });
    expect(pending.ok).toBe(true);
    expect(await findActiveRegistration('https://anon.example', 'anon-1')).toBeUndefined();
    expect((await listActiveRegistrationUrls()).map((r) => r.issuer)).not.toContain('https://anon.example');
    // An anonymous registration naming an existing platform changes nothing.
    const overwrite = await recordRegistration(system, { ...platform(MOODLE_B, 'client-b', 'https://attacker.example/jwks'), schoolId: null });
    expect(overwrite).toEqual({ ok: false, reason: 'exists' });
    expect((await findActiveRegistration(MOODLE_B, 'client-b'))?.jwksUrl).toBe(`${MOODLE_B}/jwks`);
  });
});

describe('registration links', () => {
  it('work once, for their own school, and not after they expire', async () => {
    const hash = hashToken('link-token-1');
    await recordBindLink(hash, school.a!, null, 6);
    expect(await getBindLinkSchool(hash)).toBe(school.a);
    const first = await recordRegistration(system, { ...platform('https://moodle-a.example.kz', 'c1'), schoolId: school.a! }, hash);
    expect(first.ok).toBe(true);
    expect(await getBindLinkSchool(hash)).toBeNull();
    const again = await recordRegistration(system, { ...platform('https://moodle-a.example.kz', 'c2'), schoolId: school.a! }, hash);
    expect(again).toEqual({ ok: false, reason: 'link_used' });
    expect(await findActiveRegistration('https://moodle-a.example.kz', 'c2')).toBeUndefined();

    const expired = hashToken('link-token-2');
    await recordBindLink(expired, school.a!, null, -1);
    expect(await getBindLinkSchool(expired)).toBeNull();
    expect(await recordRegistration(system, { ...platform('https://moodle-a.example.kz', 'c3'), schoolId: school.a! }, expired)).toEqual({
      ok: false,
      reason: 'link_used',
    });
  });

  it('cannot be used for another school', async () => {
    const hash = hashToken('link-token-3');
    await recordBindLink(hash, school.a!, null, 6);
    expect(await recordRegistration(system, { ...platform('https://moodle-x.example.kz', 'c4'), schoolId: school.b! }, hash)).toEqual({
      ok: false,
      reason: 'link_used',
    });
  });
});

describe('launch tickets and sessions', () => {
  it('trades a ticket once, only in the browser it was issued to, in the registration school', async () => {
    const user = await upsertLtiUser({ id: reg.b!, schoolId: school.b! }, { sub: 't1', name: 'T', email: null, locale: null }, 'teacher', null);
    await recordTicket({ ticketHash: 'h1', bindingHash: 'browser-1', userId: user, schoolId: school.b!, redirectTo: '/learn' });
    expect(await takeTicket('h1', 'browser-2')).toBeNull();
    expect(await takeTicket('h1', 'browser-1')).toEqual({ userId: user, schoolId: school.b });
    expect(await takeTicket('h1', 'browser-1')).toBeNull();
  });

  it('gives a user of two schools one deterministic school per session', async () => {
    await createMemberIfAbsent(school.b!, { email: 'both@x.kz', name: 'Both', passwordHash: null, locale: null, role: 'teacher', tiers: [] });
    const id = (await getUserForSignIn('both@x.kz'))!.id;
    await db.db.execute(
      sql.raw(`insert into memberships (user_id, school_id, role, created_at) values ('${id}', '${school.a}', 'school_admin', now() + interval '1 minute')`),
    );
    for (let i = 0; i < 5; i++) expect(await getDefaultSchoolId(id)).toBe(school.b);
    expect(await getUserContext(id, school.b!)).toMatchObject({ role: 'teacher', schoolId: school.b });
    expect(await getUserContext(id, school.a!)).toMatchObject({ role: 'school_admin', schoolId: school.a });
    expect(await getUserContext(id, null)).toBeUndefined();
  });

  it('ends a deactivated member’s sessions in that school at once', async () => {
    await createMemberIfAbsent(school.a!, { email: 'leaver@a.kz', name: 'Leaver', passwordHash: null, locale: null, role: 'teacher', tiers: [] });
    await createMemberIfAbsent(school.a!, { email: 'boss@a.kz', name: 'Boss', passwordHash: null, locale: null, role: 'school_admin', tiers: [] });
    const leaver = (await getUserForSignIn('leaver@a.kz'))!.id;
    const boss = (await getUserForSignIn('boss@a.kz'))!.id;
    await createSession('s-leaver', leaver, school.a!, 3600);
    expect(await getSession('s-leaver')).toEqual({ userId: leaver, schoolId: school.a });
    // Another school's admin cannot deactivate them.
    expect(await recordMemberActive({ actorId: boss, schoolId: school.b! }, leaver, false)).toBe(false);
    expect(await getSession('s-leaver')).toBeDefined();
    expect(await recordMemberActive({ actorId: boss, schoolId: school.a! }, leaver, false)).toBe(true);
    expect(await getSession('s-leaver')).toBeUndefined();
  });

  it('treats an expired session as gone', async () => {
    const id = (await getUserForSignIn('boss@a.kz'))!.id;
    await createSession('s-old', id, school.a!, -1);
    expect(await getSession('s-old')).toBeUndefined();
  });
});

describe('what a platform asserts about a person', () => {
  it('is cleaned before it is stored: no NUL or bidi override in names, no junk e-mails, no unusable subjects', async () => {
    const { ltiPerson } = await import('@/lib/lti/server/lti-users');
    expect(ltiPerson({ sub: 'a\u0000b', name: 'x', locale: null })).toBeNull();
    const p = ltiPerson({ sub: 's1', name: 'Ai\u0000gul \u202Eevil', email: 'not an email', locale: null })!;
    expect(p).toMatchObject({ name: 'Ai gul evil', email: null });
    expect(ltiPerson({ sub: 's2', name: '\u0000', given: 'Dana', family: 'Sarsen', locale: null })!.name).toBe('Dana Sarsen');
    expect(ltiPerson({ sub: 's3', name: 'x'.repeat(500), locale: null })!.name).toHaveLength(120);
    const id = await upsertLtiUser({ id: reg.b!, schoolId: school.b! }, p, 'teacher', null);
    expect(await getUserContext(id, school.b!)).toMatchObject({ name: 'Ai gul evil' });
  });
});
