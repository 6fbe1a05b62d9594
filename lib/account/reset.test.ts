import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '@/db';
import { listAudit } from '@/db/queries/audit';
import { joinWithCode } from '@/db/queries/invites';
import { listSchoolOutbox } from '@/db/queries/mail-outbox';
import { recordJoinCode } from '@/db/queries/school-profile';
import { createSchoolIfAbsent } from '@/db/queries/schools';
import { createSession, getSession } from '@/db/queries/sessions';
import { createMemberIfAbsent, getUserForSignIn } from '@/db/queries/users';
import { createTestDatabase } from '@/db/test-db';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { confirmEmail, queueJoinConfirmation } from './confirm';
import { requestPasswordReset, resetPassword, sendResetLinkToSchoolAdmin, sendResetLinkToTeacher } from './reset';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const s: Record<string, { schoolId: string; admin: string; teacher: string }> = {};
const ORIGIN = 'https://teach.example.kz';

beforeAll(async () => {
  db = await createTestDatabase();
  const hash = await hashPassword('old-password-1');
  for (const k of ['north', 'south']) {
    const school = await createSchoolIfAbsent(k, { en: `${k} en`, ru: `${k} ru`, kk: `${k} kk` });
    await createMemberIfAbsent(school.id, { email: `admin@${k}.kz`, name: 'Admin', passwordHash: hash, locale: 'ru', role: 'school_admin', tiers: [] });
    await createMemberIfAbsent(school.id, { email: `t@${k}.kz`, name: 'Әлия', passwordHash: hash, locale: 'kk', role: 'teacher', tiers: ['9-10'] });
    s[k] = { schoolId: school.id, admin: (await getUserForSignIn(`admin@${k}.kz`))!.id, teacher: (await getUserForSignIn(`t@${k}.kz`))!.id };
  }
});
beforeEach(async () => {
  await queryRows(sql`delete from mail_outbox`);
  await queryRows(sql`delete from account_tokens`);
});
afterAll(() => db.dispose());

const resetMails = async (school: string) => (await listSchoolOutbox(school)).filter((m) => m.kind === 'password_reset');
const tokenOf = (link: string | null) => link!.split('/reset/')[1]!;

describe('password reset', () => {
  it('an unknown address queues nothing and answers in the same time as a known one', async () => {
    let t = Date.now();
    await requestPasswordReset('nobody@north.kz', ORIGIN, 'en');
    const unknownMs = Date.now() - t;
    t = Date.now();
    await requestPasswordReset('T@North.kz', ORIGIN, 'en');
    const knownMs = Date.now() - t;
    expect(await queryRows(sql`select 1 from mail_outbox where recipient = 'nobody@north.kz'`)).toEqual([]);
    expect(Math.abs(unknownMs - knownMs)).toBeLessThan(250);
    const [mail] = await resetMails(s.north!.schoolId);
    // The teacher's own language, not the page's.
    expect(mail).toMatchObject({ recipient: 't@north.kz', locale: 'kk', status: 'pending' });
    expect(mail!.link!.startsWith(`${ORIGIN}/reset/`)).toBe(true);
    expect(mail!.text).toContain(mail!.link!);
    // Only the hash is stored.
    expect(await queryRows(sql`select 1 from account_tokens where token_hash = ${tokenOf(mail!.link)}`)).toEqual([]);
  });

  it('a link works once, sets the password and ends the other sessions', async () => {
    await createSession('sid-a', s.north!.teacher, s.north!.schoolId, 3600);
    await createSession('sid-b', s.north!.teacher, s.north!.schoolId, 3600);
    await createSession('sid-other-user', s.north!.admin, s.north!.schoolId, 3600);
    await requestPasswordReset('t@north.kz', ORIGIN, 'en');
    const token = tokenOf((await resetMails(s.north!.schoolId))[0]!.link);
    expect(await resetPassword(token, 'new-password-22', 'sid-b')).toMatchObject({ ok: true, userId: s.north!.teacher });
    expect(await getSession('sid-a')).toBeUndefined();
    expect(await getSession('sid-b')).toBeDefined();
    expect(await getSession('sid-other-user')).toBeDefined();
    const user = await getUserForSignIn('t@north.kz');
    expect(await verifyPassword('new-password-22', user!.passwordHash!)).toBe(true);
    expect(await resetPassword(token, 'third-password-3', null)).toEqual({ ok: false });
    expect(await verifyPassword('new-password-22', (await getUserForSignIn('t@north.kz'))!.passwordHash!)).toBe(true);
  });

  it('an expired, malformed or superseded link is refused and changes nothing', async () => {
    await requestPasswordReset('admin@north.kz', ORIGIN, 'en');
    const first = tokenOf((await resetMails(s.north!.schoolId))[0]!.link);
    await queryRows(sql`update account_tokens set expires_at = now() - interval '1 second'`);
    expect(await resetPassword(first, 'new-password-22', null)).toEqual({ ok: false });
    expect(await resetPassword('../../etc', 'new-password-22', null)).toEqual({ ok: false });
    await queryRows(sql`delete from account_tokens`);
    await requestPasswordReset('admin@north.kz', ORIGIN, 'en');
    await requestPasswordReset('admin@north.kz', ORIGIN, 'en');
    const [newer, older] = (await resetMails(s.north!.schoolId)).map((m) => tokenOf(m.link));
    expect(await resetPassword(older!, 'new-password-22', null)).toEqual({ ok: false });
    expect(await resetPassword(newer!, 'new-password-22', null)).toMatchObject({ ok: true });
  });

  it('is limited to 3 mails per address an hour', async () => {
    for (let i = 0; i < 5; i++) await requestPasswordReset('admin@south.kz', ORIGIN, 'en');
    expect(await resetMails(s.south!.schoolId)).toHaveLength(3);
  });

  it("an admin sends a reset link to a teacher of their school, audited, never to another school's", async () => {
    const actor = { actorId: s.north!.admin, schoolId: s.north!.schoolId };
    expect(await sendResetLinkToTeacher(actor, s.south!.teacher, ORIGIN, 'en')).toBe('notFound');
    expect(await sendResetLinkToTeacher(actor, s.north!.admin, ORIGIN, 'en')).toBe('notFound');
    expect(await resetMails(s.south!.schoolId)).toEqual([]);
    expect(await sendResetLinkToTeacher(actor, s.north!.teacher, ORIGIN, 'en')).toBe('queued');
    expect((await resetMails(s.north!.schoolId)).map((m) => m.recipient)).toEqual(['t@north.kz']);
    expect((await listAudit(s.north!.schoolId)).some((a) => a.action === 'member.reset_link_sent')).toBe(true);
  });

  it('the operator sends a reset link to a school admin, not to a teacher', async () => {
    expect(await sendResetLinkToSchoolAdmin(s.north!.admin, s.south!.schoolId, s.south!.teacher, ORIGIN, 'en')).toBe('notFound');
    expect(await sendResetLinkToSchoolAdmin(s.north!.admin, s.north!.schoolId, s.south!.admin, ORIGIN, 'en')).toBe('notFound');
    expect(await sendResetLinkToSchoolAdmin(s.north!.admin, s.south!.schoolId, s.south!.admin, ORIGIN, 'en')).toBe('queued');
    expect((await resetMails(s.south!.schoolId))[0]).toMatchObject({ recipient: 'admin@south.kz', locale: 'ru' });
  });
});

describe('joining by code', () => {
  it('makes an unconfirmed account with its confirmation mail; the link confirms once', async () => {
    await recordJoinCode({ actorId: s.south!.admin, schoolId: s.south!.schoolId }, 'JOIN-CODE');
    const result = await joinWithCode(
      'JOIN-CODE',
      { email: 'new@south.kz', name: 'Нұрлан', passwordHash: 'x', tiers: ['9-10'], locale: 'ru' },
      undefined,
      (tx, joined) =>
        queueJoinConfirmation(tx, { ...joined, email: 'new@south.kz', name: 'Нұрлан', locale: 'ru', schoolName: joined.schoolName.ru, origin: ORIGIN }),
    );
    expect(result.ok).toBe(true);
    expect((await getUserForSignIn('new@south.kz'))!.emailConfirmed).toBe(false);
    const mail = (await listSchoolOutbox(s.south!.schoolId)).find((m) => m.kind === 'join_confirm')!;
    expect(mail).toMatchObject({ recipient: 'new@south.kz', locale: 'ru' });
    expect(mail.text).toContain('south ru');
    const token = mail.link!.split('/confirm/')[1]!;
    expect(await confirmEmail('not-a-token')).toBe(false);
    expect(await confirmEmail(token)).toBe(true);
    expect(await confirmEmail(token)).toBe(false);
    expect((await getUserForSignIn('new@south.kz'))!.emailConfirmed).toBe(true);
  });

  it('a failure while queueing the mail leaves no account behind', async () => {
    await expect(
      joinWithCode('JOIN-CODE', { email: 'half@south.kz', name: 'H', passwordHash: 'x', tiers: ['9-10'], locale: null }, undefined, async () => {
        throw new Error('mail could not be queued');
      }),
    ).rejects.toThrow('mail could not be queued');
    expect(await getUserForSignIn('half@south.kz')).toBeUndefined();
  });

  it('seeded and invited users count as confirmed', async () => {
    expect((await getUserForSignIn('t@north.kz'))!.emailConfirmed).toBe(true);
  });
});
