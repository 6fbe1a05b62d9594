import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/db';
import { createTestDatabase } from '@/db/test-db';
import { getCatalog } from '@/lib/content/catalog';
import { syncCatalog } from '@/lib/content/sync';
import { answerRefresher, getRefresherView } from '@/lib/refreshers/answer';
import { createDueRefreshers } from '@/lib/refreshers/schedule';
import { AnswerError } from '@/lib/quiz/score';
import { listSchoolRefresherResults } from './refreshers';
import { createSchoolIfAbsent } from './schools';
import { createMemberIfAbsent, getUserForSignIn } from './users';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let schoolId: string;
const mod = getCatalog()[0]!;
const [other] = getCatalog().filter((m) => m.id !== mod.id);

async function teacherWithPass(email: string, daysAgo: number, moduleId = mod.id, active = true) {
  await createMemberIfAbsent(schoolId, { email, name: email, passwordHash: null, locale: null, role: 'teacher', tiers: [mod.tier] });
  const userId = (await getUserForSignIn(email))!.id;
  const d = await getDb();
  const { rows } = (await d.execute(sql`
    insert into quiz_attempts (user_id, school_id, module_id, module_version, question_ids, submitted_at, answers, correct_count, score, passed)
    values (${userId}, ${schoolId}, ${moduleId}, 'v', '{q}', now(), '{}'::jsonb, 1, 100, true) returning id`)) as unknown as { rows: { id: string }[] };
  await d.execute(sql`insert into completions (user_id, school_id, module_id, attempt_id, score, completed_at)
    values (${userId}, ${schoolId}, ${moduleId}, ${rows[0]!.id}, 100, now() - make_interval(days => ${daysAgo}))`);
  if (!active) await d.execute(sql`update memberships set active = false where user_id = ${userId}`);
  return userId;
}
const refreshersOf = (userId: string) =>
  queryRows<{ id: string; stage: number; question_ids: string[] }>(sql`select id, stage, question_ids from refreshers where user_id = ${userId}`);

beforeAll(async () => {
  db = await createTestDatabase();
  await syncCatalog();
  schoolId = (await createSchoolIfAbsent('rf', { en: 'R', ru: 'R', kk: 'R' })).id;
});
afterAll(() => db.dispose());

describe('refreshers', () => {
  it('fall due 60 and 180 days after a pass, three questions from the module’s bank, once each', async () => {
    const fresh = await teacherWithPass('fresh@rf.kz', 59);
    const sixty = await teacherWithPass('sixty@rf.kz', 61);
    const old = await teacherWithPass('old@rf.kz', 200);
    const gone = await teacherWithPass('gone@rf.kz', 61, mod.id, false);
    expect(await createDueRefreshers()).toBe(2);
    expect(await Promise.all([createDueRefreshers(), createDueRefreshers()])).toEqual([0, 0]);
    expect(await refreshersOf(fresh)).toEqual([]);
    expect(await refreshersOf(gone)).toEqual([]);
    const [r60] = await refreshersOf(sixty);
    expect(r60!.stage).toBe(60);
    expect(r60!.question_ids).toHaveLength(3);
    const bank = new Set(mod.quizzes.en.questions.map((q) => q.id));
    expect(r60!.question_ids.every((id) => bank.has(id))).toBe(true);
    // A pass 200 days old gets only the 180-day refresher.
    expect((await refreshersOf(old)).map((r) => r.stage)).toEqual([180]);
    const notes = await queryRows<{ kind: string }>(sql`select kind from notifications where user_id = ${sixty}`);
    expect(notes.map((n) => n.kind)).toEqual(['refresher.due']);
  });

  it('are scored on the server, refuse made-up answers, belong to their teacher only and count once', async () => {
    const userId = (await getUserForSignIn('sixty@rf.kz'))!.id;
    const intruder = (await getUserForSignIn('old@rf.kz'))!.id;
    const [r] = await refreshersOf(userId);
    const view = await getRefresherView(userId, r!.id, 'kk');
    expect(view!.questions.map((q) => q.id)).toEqual(r!.question_ids);
    expect(view!.questions.every((q) => q.review === null)).toBe(true);
    expect(await getRefresherView(intruder, r!.id, 'en')).toBeNull();
    expect(await answerRefresher(intruder, r!.id, {})).toEqual({ ok: false, reason: 'not-found' });
    await expect(answerRefresher(userId, r!.id, { [r!.question_ids[0]!]: ['no-such-option'] })).rejects.toThrow(AnswerError);

    const bank = mod.quizzes.en.questions;
    const answers = Object.fromEntries(
      r!.question_ids.map((id, i) => [
        id,
        i === 0
          ? bank.find((q) => q.id === id)!.correct
          : bank
              .find((q) => q.id === id)!
              .options.filter((o) => !bank.find((q) => q.id === id)!.correct.includes(o.id))
              .slice(0, 1)
              .map((o) => o.id),
      ]),
    );
    expect(await answerRefresher(userId, r!.id, answers)).toEqual({ ok: true, replayed: false });
    expect(await answerRefresher(userId, r!.id, {})).toEqual({ ok: true, replayed: true });
    const results = await listSchoolRefresherResults(schoolId);
    expect(results).toMatchObject([{ user_id: userId, module_id: mod.id, stage: 60, correct_count: 1, total: 3 }]);
    const after = await getRefresherView(userId, r!.id, 'ru');
    expect(after!.questions.map((q) => q.review?.correct)).toEqual([true, false, false]);
  });

  it('never come from a module of another teacher', async () => {
    const userId = await teacherWithPass('else@rf.kz', 61, other!.id);
    await createDueRefreshers();
    const mine = await queryRows<{ module_id: string }>(sql`select module_id from refreshers where user_id = ${userId}`);
    expect(mine).toEqual([{ module_id: other!.id }]);
  });
});
