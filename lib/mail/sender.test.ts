import { resetEnvForTests } from '@/env';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, transaction } from '@/db';
import { claimDueMail, listSchoolOutbox, markMailShared, queueMail, retryFailedMail } from '@/db/queries/mail-outbox';
import { createSchoolIfAbsent } from '@/db/queries/schools';
import { createTestDatabase } from '@/db/test-db';
import { startSmtpServer } from '@/test/smtp';
import { drainMailOutbox } from './sender';
import { renderMail } from './templates';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let schoolId: string;
let otherSchoolId: string;
const servers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  schoolId = (await createSchoolIfAbsent('mail-north', { en: 'N', ru: 'N', kk: 'N' })).id;
  otherSchoolId = (await createSchoolIfAbsent('mail-south', { en: 'S', ru: 'S', kk: 'S' })).id;
});
afterEach(async () => {
  delete process.env.SMTP_URL;
  resetEnvForTests();
  while (servers.length) await servers.pop()!.close();
  await queryRows(sql`delete from mail_outbox`);
});
afterAll(() => db.dispose());

const queue = (recipient: string, locale: 'kk' | 'ru' | 'en' = 'ru', school = schoolId) =>
  transaction((tx) =>
    queueMail(tx, {
      schoolId: school,
      recipient,
      locale,
      kind: 'password_reset',
      ...renderMail('password_reset', locale, { link: `https://teach.example.kz/reset/${recipient}` }),
    }),
  );
const statusOf = async (id: string) =>
  (await queryRows<{ status: string; tries: number; last_error: string | null }>(sql`select status, tries, last_error from mail_outbox where id = ${id}`))[0]!;

describe('mail sender over a real SMTP server', () => {
  it('without SMTP_URL sends nothing and keeps the message pending for the Outbox', async () => {
    const id = await queue('nosmtp@north.kz');
    expect(await drainMailOutbox()).toBe(0);
    expect(await statusOf(id)).toMatchObject({ status: 'pending', tries: 0 });
    const outbox = await listSchoolOutbox(schoolId);
    expect(outbox.map((m) => m.id)).toEqual([id]);
    expect(outbox[0]!.link).toBe('https://teach.example.kz/reset/nosmtp@north.kz');
    expect(await listSchoolOutbox(otherSchoolId)).toEqual([]);
  });

  it('delivers plain text and HTML in the recipient language, once', async () => {
    const smtp = await startSmtpServer();
    servers.push(smtp);
    process.env.SMTP_URL = smtp.url;
    resetEnvForTests();
    process.env.MAIL_FROM = 'KKO Teach <no-reply@teach.example.kz>';
    resetEnvForTests();
    const id = await queue('kk@north.kz', 'kk');
    expect(await drainMailOutbox()).toBe(1);
    const mail = await smtp.waitFor('kk@north.kz');
    expect(mail.subject).toBe(renderMail('password_reset', 'kk', { link: 'x' }).subject);
    expect(mail.text).toContain('https://teach.example.kz/reset/kk@north.kz');
    expect(mail.html).toContain('href="https://teach.example.kz/reset/kk@north.kz"');
    expect(mail.from?.text).toContain('no-reply@teach.example.kz');
    expect(mail.messageId).toBe(`<${id}@teach.example.kz>`);
    expect(mail.headerLines.some((h) => h.key === 'list-unsubscribe')).toBe(false);
    expect(await statusOf(id)).toMatchObject({ status: 'sent', tries: 1, last_error: null });
    expect(await drainMailOutbox()).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it('a server answering 451 gets the message again later: retried with a plain error, delivered exactly once', async () => {
    const smtp = await startSmtpServer({ refuse: (n) => (n === 1 ? 451 : null) });
    servers.push(smtp);
    process.env.SMTP_URL = smtp.url;
    resetEnvForTests();
    const id = await queue('retry@north.kz');
    await drainMailOutbox({ backoff: () => 1 });
    const first = await statusOf(id);
    expect(first).toMatchObject({ status: 'pending', tries: 1 });
    expect(first.last_error).toBe('The mail server answered 451 (try later).');
    // Not due yet: the backoff holds it back.
    expect(await drainMailOutbox()).toBe(0);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await drainMailOutbox()).toBe(1);
    await smtp.waitFor('retry@north.kz');
    expect(await statusOf(id)).toMatchObject({ status: 'sent', tries: 2, last_error: null });
    expect(smtp.attempts()).toBe(2);
    expect(smtp.received).toHaveLength(1);
  });

  it('a 550 refusal fails for good, stays visible, and an admin can queue it again or share it by hand', async () => {
    const smtp = await startSmtpServer({ refuse: () => 550 });
    servers.push(smtp);
    process.env.SMTP_URL = smtp.url;
    resetEnvForTests();
    const id = await queue('gone@north.kz');
    await drainMailOutbox();
    expect(await statusOf(id)).toMatchObject({ status: 'failed', last_error: 'The mail server answered 550 (refused).' });
    const admin = { actorId: null as unknown as string, schoolId: otherSchoolId };
    expect(await retryFailedMail(admin, id)).toBe(false);
    expect(await retryFailedMail({ actorId: null, schoolId }, id)).toBe(true);
    expect(await statusOf(id)).toMatchObject({ status: 'pending', tries: 0 });
    expect(await markMailShared(admin, id)).toBe(false);
    delete process.env.SMTP_URL;
    resetEnvForTests();
    expect(await markMailShared({ actorId: null as unknown as string, schoolId }, id)).toBe(true);
    expect(await statusOf(id)).toMatchObject({ status: 'shared' });
    // A shared message is never mailed afterwards.
    process.env.SMTP_URL = smtp.url;
    resetEnvForTests();
    expect(await drainMailOutbox()).toBe(0);
  });

  it('an unreachable server keeps the message pending and retries', async () => {
    const smtp = await startSmtpServer();
    await smtp.close();
    process.env.SMTP_URL = smtp.url;
    resetEnvForTests();
    const id = await queue('down@north.kz');
    await drainMailOutbox();
    expect(await statusOf(id)).toMatchObject({ status: 'pending', tries: 1, last_error: 'Could not reach the mail server.' });
  });

  it('optional mail carries List-Unsubscribe pointing at the account page', async () => {
    const smtp = await startSmtpServer();
    servers.push(smtp);
    process.env.SMTP_URL = smtp.url;
    resetEnvForTests();
    await transaction((tx) =>
      queueMail(tx, {
        schoolId,
        recipient: 'opt@north.kz',
        locale: 'en',
        kind: 'reminder',
        subject: 'Due soon',
        text: 't',
        html: '<p>t</p>',
        link: null,
        unsubscribeUrl: 'https://teach.example.kz/account',
      }),
    );
    await drainMailOutbox();
    const mail = await smtp.waitFor('opt@north.kz');
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toBe('List-Unsubscribe: <https://teach.example.kz/account>');
  });

  it('a leased message is not claimed again until its lease runs out (a sender that died mid-send)', async () => {
    const id = await queue('lease@north.kz');
    expect((await claimDueMail(5, 1)).map((r) => r.id)).toEqual([id]);
    expect(await claimDueMail(5, 1)).toEqual([]);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await claimDueMail(5, 1)).map((r) => [r.id, r.tries])).toEqual([[id, 2]]);
  });

  it('two senders draining at once send every message exactly once', async () => {
    const smtp = await startSmtpServer();
    servers.push(smtp);
    process.env.SMTP_URL = smtp.url;
    resetEnvForTests();
    for (let i = 0; i < 12; i++) await queue(`many${i}@north.kz`);
    await Promise.all([drainMailOutbox({ limit: 5 }), drainMailOutbox({ limit: 5 }), drainMailOutbox({ limit: 5 })]);
    await drainMailOutbox();
    expect(smtp.received).toHaveLength(12);
    expect(new Set(smtp.received.map((m) => m.envelopeTo[0])).size).toBe(12);
  });
});
