import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db';
import { createTestDatabase } from '@/db/test-db';
import { hashPassword, matchesStoredPassword } from '@/lib/auth/password';
import { acceptInvite, createInvite, joinWithCode, listInvites } from './invites';
import { listSchoolPeople } from './people';
import { recordJoinCode } from './school-profile';
import { createSchoolIfAbsent } from './schools';
import { createMemberIfAbsent, getUserForSignIn } from './users';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const schools: Record<string, { schoolId: string; admin: string }> = {};
const actor = (k: string) => ({ actorId: schools[k]!.admin, schoolId: schools[k]!.schoolId });
const OWNER_PASSWORD = 'the owner knows this';
const proves = (password: string) => (stored: string | null) => matchesStoredPassword(password, stored);

beforeAll(async () => {
  db = await createTestDatabase();
  const ownerHash = await hashPassword(OWNER_PASSWORD);
  for (const k of ['east', 'west']) {
    const school = await createSchoolIfAbsent(k, { en: k, ru: k, kk: k });
    await createMemberIfAbsent(school.id, { email: `admin@${k}.kz`, name: 'Admin', passwordHash: null, locale: null, role: 'school_admin', tiers: [] });
    schools[k] = { schoolId: school.id, admin: (await getUserForSignIn(`admin@${k}.kz`))!.id };
  }
  // A teacher of the west school: the east school must not learn that this address has an account.
  await createMemberIfAbsent(schools.west!.schoolId, {
    email: 'aigul@west.kz',
    name: 'Айгүл',
    passwordHash: ownerHash,
    locale: null,
    role: 'teacher',
    tiers: ['9-10'],
  });
  await recordJoinCode(actor('east'), 'EAST-2026');
});
afterAll(() => db.dispose());

async function user(email: string) {
  const rows = await queryRows<{ name: string; password_hash: string | null }>(sql`select name, password_hash from users where lower(email) = ${email}`);
  return rows[0];
}

describe('joining with a code never reveals whether an address has an account', () => {
  it('an existing address with a password that does not prove it changes nothing', async () => {
    const before = await user('aigul@west.kz');
    const result = await joinWithCode(
      'EAST-2026',
      { email: 'aigul@west.kz', name: 'Impostor', passwordHash: await hashPassword('guess guess'), tiers: ['13-14'], locale: null },
      proves('guess guess'),
    );
    expect(result).toEqual({ ok: false, reason: 'exists' });
    expect(await user('aigul@west.kz')).toEqual(before);
    expect((await listSchoolPeople(schools.east!.schoolId)).map((p) => p.email)).not.toContain('aigul@west.kz');
  });

  it('the owner proving the address with its password joins a second school, keeping name and password', async () => {
    const before = await user('AIGUL@west.kz'.toLowerCase());
    const result = await joinWithCode(
      'EAST-2026',
      { email: 'Aigul@West.kz', name: 'Other', passwordHash: 'ignored', tiers: ['13-14'], locale: null },
      proves(OWNER_PASSWORD),
    );
    expect(result.ok).toBe(true);
    expect(await user('aigul@west.kz')).toEqual(before);
    expect((await listSchoolPeople(schools.east!.schoolId)).find((p) => p.email === 'aigul@west.kz')).toMatchObject({ role: 'teacher', tiers: ['13-14'] });
    expect((await listSchoolPeople(schools.west!.schoolId)).find((p) => p.email === 'aigul@west.kz')).toMatchObject({ tiers: ['9-10'] });
    // Joining again is harmless.
    expect(
      (await joinWithCode('EAST-2026', { email: 'aigul@west.kz', name: 'x', passwordHash: 'x', tiers: ['15-17'], locale: null }, proves(OWNER_PASSWORD))).ok,
    ).toBe(true);
  });

  it('a new address gets a new account; an unknown code is refused either way', async () => {
    const result = await joinWithCode('EAST-2026', { email: 'new@east.kz', name: 'Нұрлан', passwordHash: 'h', tiers: ['9-10'], locale: 'kk' }, proves('x'));
    expect(result.ok).toBe(true);
    expect(await user('new@east.kz')).toEqual({ name: 'Нұрлан', password_hash: 'h' });
    expect(
      await joinWithCode('ZZZZ-ZZZZ', { email: 'aigul@west.kz', name: 'x', passwordHash: 'x', tiers: ['9-10'], locale: null }, proves(OWNER_PASSWORD)),
    ).toEqual({ ok: false, reason: 'invalid' });
    expect(await joinWithCode('ZZZZ-ZZZZ', { email: 'nobody@east.kz', name: 'x', passwordHash: 'x', tiers: ['9-10'], locale: null }, proves('x'))).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});

describe('an invite for an address that already has an account', () => {
  const expiresAt = () => new Date(Date.now() + 86_400_000);

  it('is not used up by someone who cannot prove the account, and changes nothing', async () => {
    await createInvite(actor('east'), { email: 'aigul@west.kz', role: 'school_admin', tiers: [], tokenHash: 'h-aigul', expiresAt: expiresAt() });
    const before = await user('aigul@west.kz');
    expect(await acceptInvite('h-aigul', { name: 'Impostor', passwordHash: 'x', locale: null }, proves('wrong password'))).toEqual({
      ok: false,
      reason: 'exists',
    });
    expect(await user('aigul@west.kz')).toEqual(before);
    expect((await listInvites(schools.east!.schoolId)).find((i) => i.email === 'aigul@west.kz')?.acceptedAt).toBeNull();
  });

  it('is accepted by the owner with the account password, once', async () => {
    expect((await acceptInvite('h-aigul', { name: 'x', passwordHash: 'x', locale: null }, proves(OWNER_PASSWORD))).ok).toBe(true);
    expect((await listInvites(schools.east!.schoolId)).find((i) => i.email === 'aigul@west.kz')?.acceptedAt).not.toBeNull();
    expect(await acceptInvite('h-aigul', { name: 'x', passwordHash: 'x', locale: null }, proves(OWNER_PASSWORD))).toEqual({ ok: false, reason: 'invalid' });
  });
});
