import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/test-db';
import { getModule } from '@/lib/content/catalog';
import { syncCatalog } from '@/lib/content/sync';
import { getRetryGate, publicQuestions, startAttempt } from '@/lib/quiz/attempts';
import { AttemptConflictError, RetryNotOpenError } from '@/lib/quiz/errors';
import { submitAttempt } from '@/lib/quiz/submit';
import { markSectionRead } from './progress';
import { createSchoolIfAbsent } from './schools';
import { createMemberIfAbsent, getUserForSignIn } from './users';

const MODULE = '9-10-living-online';
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let scope: { userId: string; schoolId: string };
const mod = getModule(MODULE)!;
const wrongAnswers = (ids: string[]) =>
  Object.fromEntries(
    ids.map((id) => {
      const q = mod.quizzes.en.questions.find((x) => x.id === id)!;
      return [id, [q.options.find((o) => !q.correct.includes(o.id))!.id]];
    }),
  );
const rightAnswers = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, mod.quizzes.en.questions.find((x) => x.id === id)!.correct]));

beforeAll(async () => {
  db = await createTestDatabase();
  await syncCatalog();
  const school = await createSchoolIfAbsent('q', { en: 'Q', ru: 'Q', kk: 'Q' });
  await createMemberIfAbsent(school.id, { email: 'q@q.kz', name: 'Q', passwordHash: null, locale: null, role: 'teacher', tiers: ['9-10'] });
  scope = { userId: (await getUserForSignIn('q@q.kz'))!.id, schoolId: school.id };
});
afterAll(() => db.dispose());

describe('assessment that teaches without leaking', () => {
  it('shows each attempt its own option order, kept for the review', async () => {
    const attempt = await startAttempt(scope, mod);
    const shown = publicQuestions(mod, attempt, 'en');
    for (const q of shown) {
      expect(q.options.map((o) => o.id)).toEqual(attempt.optionOrder[q.id]);
      expect(q).not.toHaveProperty('correct');
    }
    // Over a whole quiz, the shuffled order differs from the file order somewhere.
    const fileOrder = shown.map((q) =>
      mod.quizzes.en.questions
        .find((x) => x.id === q.id)!
        .options.map((o) => o.id)
        .join(),
    );
    expect(shown.map((q) => q.options.map((o) => o.id).join())).not.toEqual(fileOrder);
  });

  it('after a fail names sections to reread, not which items were right, and holds the retry until they are reread', async () => {
    const attempt = await startAttempt(scope, mod);
    const result = await submitAttempt(scope, attempt.id, wrongAnswers(attempt.questionIds), 'en');
    expect(result.passed).toBe(false);
    expect(result.items).toEqual([]);
    expect(JSON.stringify(result)).not.toContain('"correct"');
    const expected = new Set(attempt.questionIds.map((id) => mod.quizzes.en.questions.find((q) => q.id === id)!.section));
    expect(result.review.map((r) => r.id).sort()).toEqual([...expected].filter(Boolean).sort());
    expect(result.retryOpensAt).not.toBeNull();

    await expect(startAttempt(scope, mod)).rejects.toBeInstanceOf(RetryNotOpenError);
    const [first, ...rest] = result.review;
    await markSectionRead(scope, MODULE, first!.id);
    if (rest.length) await expect(startAttempt(scope, mod)).rejects.toBeInstanceOf(RetryNotOpenError);
    for (const s of rest) await markSectionRead(scope, MODULE, s.id);
    expect((await getRetryGate(scope, mod)).opensAt).toBeNull();
    const retry = await startAttempt(scope, mod);
    // Questions not seen before come first.
    const unseen = mod.quizzes.en.questions.map((q) => q.id).filter((id) => !attempt.questionIds.includes(id));
    expect(retry.questionIds.slice(0, Math.min(unseen.length, retry.questionIds.length)).every((id) => unseen.includes(id))).toBe(true);
  });

  it('refuses answers to an attempt drawn from an older version of the quiz, writing nothing', async () => {
    const open = await startAttempt(scope, mod);
    await db.db.execute(sql`update quiz_attempts set module_version = 'older' where id = ${open.id}`);
    await expect(submitAttempt(scope, open.id, rightAnswers(open.questionIds), 'en')).rejects.toMatchObject({ code: 'stale' });
    await expect(submitAttempt(scope, open.id, rightAnswers(open.questionIds), 'en')).rejects.toBeInstanceOf(AttemptConflictError);
    const rows = (await db.db.execute(sql`select submitted_at from quiz_attempts where id = ${open.id}`)) as unknown as {
      rows: { submitted_at: Date | null }[];
    };
    expect(rows.rows[0]!.submitted_at).toBeNull();
    // Opening the quiz again draws it afresh from the current version.
    const fresh = await startAttempt(scope, mod);
    expect(fresh.moduleVersion).toBe(mod.version);
  });

  it('after a pass shows every item with its answer, explanation and citations', async () => {
    const open = await startAttempt(scope, mod);
    const result = await submitAttempt(scope, open.id, rightAnswers(open.questionIds), 'ru');
    expect(result.passed).toBe(true);
    expect(result.review).toEqual([]);
    expect(result.items.map((i) => i.id)).toEqual(open.questionIds);
    for (const item of result.items) {
      expect(item.options.map((o) => o.id)).toEqual(open.optionOrder[item.id]);
      expect(item.options.filter((o) => o.correct).every((o) => o.chosen)).toBe(true);
      expect(item.findings.length).toBeGreaterThan(0);
    }
  });
});
