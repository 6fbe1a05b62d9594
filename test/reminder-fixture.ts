import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { recordAssignment } from '@/db/queries/assignments';
import { recordCatalog } from '@/db/queries/catalog';
import { createSchoolIfAbsent } from '@/db/queries/schools';
import { createMemberIfAbsent, getUserForSignIn } from '@/db/queries/users';

/** YYYY-MM-DD in Kazakhstan, `offset` days from today. */
export function kzDay(offset: number) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

export const FIXTURE_MODULES = ['t-m1', 't-m2', 't-m3', 't-m4'].map((id, i) => ({
  id,
  tier: '9-10',
  position: i + 1,
  version: 'v1',
  sectionIds: ['a'],
  questionCount: 3,
  title: { en: id, ru: id, kk: id },
  minutes: 20,
}));

/**
 * A school with an admin and two teachers of 9-10: m1 due in 7 days (tier), m2 due tomorrow
 * (named, teacher a only), m3 overdue since yesterday (tier), m4 due in 30 days (tier).
 * Teacher b has passed m3, so is not overdue on it.
 */
export async function seedReminderSchool(slug: string) {
  await recordCatalog(FIXTURE_MODULES);
  const school = await createSchoolIfAbsent(slug, { en: slug, ru: slug, kk: slug });
  const ids: Record<string, string> = {};
  for (const [who, role] of [
    ['admin', 'school_admin'],
    ['a', 'teacher'],
    ['b', 'teacher'],
  ] as const) {
    const email = `${who}@${slug}.kz`;
    await createMemberIfAbsent(school.id, { email, name: who, passwordHash: null, locale: null, role, tiers: role === 'teacher' ? ['9-10'] : [] });
    ids[who] = (await getUserForSignIn(email))!.id;
  }
  const actor = { actorId: null, schoolId: school.id };
  await recordAssignment(actor, { moduleId: 't-m1', tier: '9-10', dueDate: kzDay(7) });
  await recordAssignment(actor, { moduleId: 't-m2', userId: ids.a!, dueDate: kzDay(1) });
  await recordAssignment(actor, { moduleId: 't-m3', tier: '9-10', dueDate: kzDay(-1) });
  await recordAssignment(actor, { moduleId: 't-m4', tier: '9-10', dueDate: kzDay(30) });
  const db = await getDb();
  const attempt = (await db.execute(sql`
    insert into quiz_attempts (user_id, school_id, module_id, module_version, question_ids, submitted_at, answers, correct_count, score, passed)
    values (${ids.b}, ${school.id}, 't-m3', 'v1', '{q}', now(), '{}'::jsonb, 1, 100, true) returning id`)) as unknown as { rows: { id: string }[] };
  await db.execute(
    sql`insert into completions (user_id, school_id, module_id, attempt_id, score) values (${ids.b}, ${school.id}, 't-m3', ${attempt.rows[0]!.id}, 100)`,
  );
  return { schoolId: school.id, ids };
}

/** The reminders the fixture school must get today: 4 for its teachers and 1 digest. */
export const EXPECTED_REMINDERS = ['reminder.due:a:t-m1', 'reminder.due:a:t-m2', 'reminder.due:b:t-m1', 'reminder.overdue:a:t-m3'];
