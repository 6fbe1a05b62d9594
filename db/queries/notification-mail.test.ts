import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/test-db';
import { getModule } from '@/lib/content/catalog';
import { syncCatalog } from '@/lib/content/sync';
import { deliverDueNotifications } from '@/lib/jobs/notifications';
import { createSchoolIfAbsent } from './schools';
import { createMemberIfAbsent, getUserForSignIn } from './users';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const ids: Record<string, string> = {};
type Mail = { recipient: string; locale: string; kind: string; subject: string; text: string; status: string };
const mails = async () =>
  ((await db.db.execute(sql`select recipient, locale, kind, subject, text, status from mail_outbox order by recipient, kind`)) as unknown as { rows: Mail[] })
    .rows;
const notify = (user: string, kind: string, payload: Record<string, unknown>, key: string) =>
  db.db.execute(
    sql`insert into notifications (user_id, school_id, kind, payload, dedupe_key) values (${ids[user]}, ${ids.school}, ${kind}, ${JSON.stringify(payload)}::jsonb, ${key})`,
  );

beforeAll(async () => {
  db = await createTestDatabase();
  await syncCatalog();
  ids.school = (await createSchoolIfAbsent('n', { en: 'N', ru: 'N', kk: 'N' })).id;
  await createMemberIfAbsent(ids.school, { email: 'ru@n.kz', name: 'Айгуль', passwordHash: null, locale: 'ru', role: 'teacher', tiers: ['9-10'] });
  await createMemberIfAbsent(ids.school, { email: 'quiet@n.kz', name: 'Quiet', passwordHash: null, locale: 'en', role: 'teacher', tiers: ['9-10'] });
  ids.ru = (await getUserForSignIn('ru@n.kz'))!.id;
  ids.quiet = (await getUserForSignIn('quiet@n.kz'))!.id;
  await db.db.execute(sql`update users set notify_optional = false where id = ${ids.quiet}`);
});
afterAll(() => db.dispose());

describe('notifications become mail', () => {
  it('in the recipient language, once, and optional kinds only for those who take them', async () => {
    await notify('ru', 'reminder.due', { moduleId: '9-10-living-online', dueDate: '2026-12-15', daysLeft: 7 }, 'r1');
    await notify('quiet', 'reminder.due', { moduleId: '9-10-living-online', dueDate: '2026-12-15', daysLeft: 7 }, 'r2');
    await notify('quiet', 'refresher.due', { moduleId: '9-10-living-online', refresherId: '00000000-0000-4000-8000-000000000000', stage: 60 }, 'r3');
    expect(await deliverDueNotifications()).toHaveLength(3);
    expect(await deliverDueNotifications()).toHaveLength(0);
    const sent = await mails();
    expect(sent.map((m) => [m.recipient, m.kind])).toEqual([
      ['quiet@n.kz', 'reminder.due'],
      ['ru@n.kz', 'reminder.due'],
    ]);
    const ru = sent.find((m) => m.recipient === 'ru@n.kz')!;
    expect(ru).toMatchObject({ locale: 'ru', status: 'pending' });
    expect(ru.subject).toContain(getModule('9-10-living-online')!.lessons.ru.frontmatter.title);
    expect(ru.text).toContain('Здравствуйте, Айгуль!');
    // No public address is configured here: no link to localhost, the text says where to go instead.
    expect(ru.text).not.toContain('http');
    expect(ru.text).toContain('Моё обучение');
  });
});
