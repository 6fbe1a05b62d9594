import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db';
import { createTestDatabase } from '@/db/test-db';
import { EXPECTED_REMINDERS, seedReminderSchool } from '@/test/reminder-fixture';
import { createDueReminders, createWeeklyDigests, getReminderSettings, saveReminderSettings } from './reminders';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let school: Awaited<ReturnType<typeof seedReminderSchool>>;
let other: Awaited<ReturnType<typeof seedReminderSchool>>;
beforeAll(async () => {
  db = await createTestDatabase();
  school = await seedReminderSchool('rem');
  other = await seedReminderSchool('quiet');
});
afterAll(() => db.dispose());

async function remindersOf(schoolId: string, names: Record<string, string>) {
  const byId = Object.fromEntries(Object.entries(names).map(([k, v]) => [v, k]));
  const rows = await queryRows<{ kind: string; user_id: string; payload: { moduleId: string } }>(
    sql`select kind, user_id, payload from notifications where school_id = ${schoolId} and kind like 'reminder.%'`,
  );
  return rows.map((r) => `${r.kind}:${byId[r.user_id]}:${r.payload.moduleId}`).sort();
}

describe('due-date reminders', () => {
  it('follow each school’s own settings', async () => {
    await saveReminderSettings({ actorId: null, schoolId: other.schoolId }, { enabled: false, daysBefore: [7, 1], onOverdue: true, weeklyDigest: false });
    expect((await getReminderSettings(other.schoolId)).enabled).toBe(false);
    expect(await getReminderSettings(school.schoolId)).toEqual({ enabled: true, daysBefore: [7, 1], onOverdue: true, weeklyDigest: true });
    expect(await createDueReminders()).toBe(4);
    // 7 days and tomorrow, the overdue module only for the teacher who has not passed it, nothing for 30 days out.
    expect(await remindersOf(school.schoolId, school.ids)).toEqual(EXPECTED_REMINDERS);
    expect(await remindersOf(other.schoolId, other.ids)).toEqual([]);
  });

  it('are made once however often the scan runs, even concurrently', async () => {
    const again = await Promise.all([createDueReminders(), createDueReminders(), createDueReminders()]);
    expect(again).toEqual([0, 0, 0]);
    expect(await remindersOf(school.schoolId, school.ids)).toEqual(EXPECTED_REMINDERS);
  });

  it('skip a reminder day the school turned off', async () => {
    await saveReminderSettings({ actorId: null, schoolId: other.schoolId }, { enabled: true, daysBefore: [3], onOverdue: false, weeklyDigest: false });
    await createDueReminders();
    // 3 days: tomorrow's module falls in its window; 7 days out does not; overdue is off.
    expect(await remindersOf(other.schoolId, other.ids)).toEqual(['reminder.due:a:t-m2']);
  });

  it('send one weekly digest per school admin naming who is overdue', async () => {
    expect(await createWeeklyDigests()).toBe(1);
    expect(await createWeeklyDigests()).toBe(0);
    const [digest] = await queryRows<{ user_id: string; payload: { overdue: { name: string; moduleId: string }[]; passed: { name: string }[] } }>(
      sql`select user_id, payload from notifications where kind = 'digest.weekly'`,
    );
    expect(digest!.user_id).toBe(school.ids.admin);
    expect(digest!.payload.overdue.map((o) => `${o.name}:${o.moduleId}`)).toEqual(['a:t-m3']);
    expect(digest!.payload.passed.map((p) => p.name)).toEqual(['b']);
  });
});
