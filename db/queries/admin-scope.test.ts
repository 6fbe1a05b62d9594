import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db';
import { createTestDatabase } from '@/db/test-db';
import { listAudit } from './audit';
import { listAssignments, recordAssignment, removeAssignment } from './assignments';
import { recordCatalog } from './catalog';
import { acceptInvite, createInvite, joinWithCode, listInvites, revokeInvite } from './invites';
import { listSchoolPeople, recordMemberActive, recordMemberTiers } from './people';
import { recordJoinCode } from './school-profile';
import { createSchoolIfAbsent } from './schools';
import { createMemberIfAbsent, getUserForSignIn } from './users';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const s: Record<string, { schoolId: string; admin: string; teacher: string }> = {};
const actor = (k: string) => ({ actorId: s[k]!.admin, schoolId: s[k]!.schoolId });

beforeAll(async () => {
  db = await createTestDatabase();
  await recordCatalog([
    { id: '9-10-m', tier: '9-10', position: 1, version: 'v1', sectionIds: ['summary'], questionCount: 10, title: { en: 'M', ru: 'M', kk: 'M' }, minutes: 20 },
  ]);
  for (const k of ['north', 'south']) {
    const school = await createSchoolIfAbsent(k, { en: k, ru: k, kk: k });
    for (const [role, email] of [
      ['school_admin', `admin@${k}.kz`],
      ['teacher', `t@${k}.kz`],
    ] as const) {
      await createMemberIfAbsent(school.id, { email, name: email, passwordHash: null, locale: null, role, tiers: role === 'teacher' ? ['9-10'] : [] });
    }
    s[k] = { schoolId: school.id, admin: (await getUserForSignIn(`admin@${k}.kz`))!.id, teacher: (await getUserForSignIn(`t@${k}.kz`))!.id };
  }
});
afterAll(() => db.dispose());

describe("an admin cannot touch another school's records", () => {
  it('tiers and deactivation of a foreign teacher change nothing', async () => {
    expect(await recordMemberTiers(actor('north'), s.south!.teacher, ['15-17'])).toBe(false);
    expect(await recordMemberActive(actor('north'), s.south!.teacher, false)).toBe(false);
    const south = await listSchoolPeople(s.south!.schoolId);
    expect(south.find((p) => p.userId === s.south!.teacher)).toMatchObject({ tiers: ['9-10'], active: true });
  });

  it('an admin cannot deactivate themselves', async () => {
    expect(await recordMemberActive(actor('north'), s.north!.admin, false)).toBe(false);
  });

  it('assignments to a foreign teacher are refused, and foreign assignments cannot be removed', async () => {
    expect(await recordAssignment(actor('north'), { moduleId: '9-10-m', userId: s.south!.teacher, dueDate: '2030-01-01' })).toBe(false);
    expect(await recordAssignment(actor('south'), { moduleId: '9-10-m', tier: '9-10', dueDate: '2030-01-01' })).toBe(true);
    const [southAssignment] = await listAssignments(s.south!.schoolId);
    expect(await removeAssignment(actor('north'), southAssignment!.id)).toBe(false);
    expect(await listAssignments(s.south!.schoolId)).toHaveLength(1);
    expect(await listAssignments(s.north!.schoolId)).toHaveLength(0);
  });

  it('assigning the same module to the same tier again moves the due date', async () => {
    await recordAssignment(actor('south'), { moduleId: '9-10-m', tier: '9-10', dueDate: '2031-02-03' });
    const rows = await listAssignments(s.south!.schoolId);
    expect(rows.map((r) => r.dueDate)).toEqual(['2031-02-03']);
  });

  it('foreign invites cannot be revoked and are not listed', async () => {
    const id = await createInvite(actor('south'), {
      email: 'new@south.kz',
      role: 'teacher',
      tiers: ['9-10'],
      tokenHash: 'h-south',
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    expect(await revokeInvite(actor('north'), id)).toBe(false);
    expect(await listInvites(s.north!.schoolId)).toHaveLength(0);
    expect((await listInvites(s.south!.schoolId))[0]!.revokedAt).toBeNull();
  });

  it('records who did what, per school', async () => {
    const south = await listAudit(s.south!.schoolId);
    expect(south.map((a) => a.action)).toEqual(expect.arrayContaining(['assignment.set', 'invite.created']));
    expect((await listAudit(s.north!.schoolId)).map((a) => a.action)).not.toContain('invite.created');
  });
});

describe('invites and join codes', () => {
  it('an invite is used once and makes a member of its school', async () => {
    await createInvite(actor('north'), {
      email: 'once@north.kz',
      role: 'teacher',
      tiers: ['11-12'],
      tokenHash: 'h-once',
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const first = await acceptInvite('h-once', { name: 'Once', passwordHash: 'x', locale: 'ru' });
    expect(first.ok).toBe(true);
    expect(await acceptInvite('h-once', { name: 'Twice', passwordHash: 'x', locale: null })).toEqual({ ok: false, reason: 'invalid' });
    const people = await listSchoolPeople(s.north!.schoolId);
    expect(people.find((p) => p.email === 'once@north.kz')).toMatchObject({ role: 'teacher', tiers: ['11-12'] });
  });

  it('an expired or revoked invite does nothing', async () => {
    await createInvite(actor('north'), {
      email: 'late@north.kz',
      role: 'teacher',
      tiers: ['9-10'],
      tokenHash: 'h-late',
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(await acceptInvite('h-late', { name: 'Late', passwordHash: 'x', locale: null })).toEqual({ ok: false, reason: 'invalid' });
    const revoked = await createInvite(actor('north'), {
      email: 'rev@north.kz',
      role: 'teacher',
      tiers: ['9-10'],
      tokenHash: 'h-rev',
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    await revokeInvite(actor('north'), revoked);
    expect(await acceptInvite('h-rev', { name: 'Rev', passwordHash: 'x', locale: null })).toEqual({ ok: false, reason: 'invalid' });
    const rows = await queryRows<{ n: number }>(sql`select count(*)::int as n from users where email in ('late@north.kz', 'rev@north.kz')`);
    expect(rows[0]!.n).toBe(0);
  });

  it('a join code adds a teacher; a rotated code stops working; an existing email is refused', async () => {
    await recordJoinCode(actor('south'), 'AAAA-BBBB');
    expect((await joinWithCode('AAAA-BBBB', { email: 'j@south.kz', name: 'J', passwordHash: 'x', tiers: ['13-14'], locale: null })).ok).toBe(true);
    expect(await joinWithCode('AAAA-BBBB', { email: 'j@south.kz', name: 'J2', passwordHash: 'x', tiers: ['13-14'], locale: null })).toEqual({
      ok: false,
      reason: 'exists',
    });
    await recordJoinCode(actor('south'), 'CCCC-DDDD');
    expect(await joinWithCode('AAAA-BBBB', { email: 'k@south.kz', name: 'K', passwordHash: 'x', tiers: ['13-14'], locale: null })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});
