import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/test-db';
import { quizAttempts, completions } from '@/db/schema';
import { AttemptConflictError, AttemptNotFoundError } from '@/lib/quiz/errors';
import { recordSubmission } from '@/lib/quiz/submission';
import { getOrCreateOpenAttempt } from './attempts';
import { recordCatalog } from './catalog';
import { createSchoolIfAbsent } from './schools';
import { createMemberIfAbsent, getUserForSignIn } from './users';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let alice: { userId: string; schoolId: string };
let bob: { userId: string; schoolId: string };

const grade = (passed: boolean) => () => ({ correctCount: passed ? 8 : 2, score: passed ? 100 : 25, passed });
const draw = () => ['q1', 'q2'];

beforeAll(async () => {
  db = await createTestDatabase();
  await recordCatalog([
    {
      id: '9-10-m',
      tier: '9-10',
      position: 1,
      version: 'v1',
      sectionIds: ['a', 'summary'],
      questionCount: 10,
      title: { en: 'M', ru: 'M', kk: 'M' },
      minutes: 20,
    },
  ]);
  const school = await createSchoolIfAbsent('s1', { en: 'S1', ru: 'S1', kk: 'S1' });
  for (const email of ['alice@s1.kz', 'bob@s1.kz']) {
    await createMemberIfAbsent(school.id, { email, name: email, passwordHash: null, locale: null, role: 'teacher', tiers: ['9-10'] });
  }
  alice = { userId: (await getUserForSignIn('alice@s1.kz'))!.id, schoolId: school.id };
  bob = { userId: (await getUserForSignIn('bob@s1.kz'))!.id, schoolId: school.id };
});
afterAll(() => db.dispose());

const count = async (table: typeof quizAttempts | typeof completions, userId: string) => {
  const [row] = await db.db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(sql`user_id = ${userId}`);
  return row!.n;
};

describe('quiz attempts', () => {
  it('resumes the open attempt instead of drawing a second one', async () => {
    const a = await getOrCreateOpenAttempt(alice, '9-10-m', 'v1', draw);
    const b = await getOrCreateOpenAttempt(alice, '9-10-m', 'v1', () => ['q9']);
    expect(b.id).toBe(a.id);
    expect(b.questionIds).toEqual(['q1', 'q2']);
  });

  it('records a double submission once and replays the stored result', async () => {
    const attempt = await getOrCreateOpenAttempt(alice, '9-10-m', 'v1', draw);
    const answers = { q1: ['a'], q2: ['b', 'c'] };
    const [first, second] = await Promise.all([
      recordSubmission(alice, attempt.id, answers, grade(true)),
      recordSubmission(alice, attempt.id, { q2: ['c', 'b'], q1: ['a'] }, grade(true)),
    ]);
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    expect(second.attempt.score).toBe(100);
    expect(await count(quizAttempts, alice.userId)).toBe(1);
    expect(await count(completions, alice.userId)).toBe(1);
  });

  it('refuses other answers for an attempt already submitted', async () => {
    const [attempt] = await db.db
      .select()
      .from(quizAttempts)
      .where(sql`user_id = ${alice.userId}`);
    await expect(recordSubmission(alice, attempt!.id, { q1: ['b'], q2: ['b'] }, grade(false))).rejects.toBeInstanceOf(AttemptConflictError);
  });

  it("does not let a teacher submit another teacher's attempt", async () => {
    const bobs = await getOrCreateOpenAttempt(bob, '9-10-m', 'v1', draw);
    await expect(recordSubmission(alice, bobs.id, { q1: ['a'], q2: ['b'] }, grade(true))).rejects.toBeInstanceOf(AttemptNotFoundError);
    const [row] = await db.db
      .select()
      .from(quizAttempts)
      .where(sql`id = ${bobs.id}`);
    expect(row!.submittedAt).toBeNull();
  });

  it('writes nothing when grading rejects the answers', async () => {
    const bobs = await getOrCreateOpenAttempt(bob, '9-10-m', 'v1', draw);
    await expect(
      recordSubmission(bob, bobs.id, { q1: ['zzz'] }, () => {
        throw new Error('invalid answers');
      }),
    ).rejects.toThrow('invalid answers');
    const [row] = await db.db
      .select()
      .from(quizAttempts)
      .where(sql`id = ${bobs.id}`);
    expect(row!.submittedAt).toBeNull();
    expect(row!.answers).toBeNull();
  });

  it('keeps the first completion when a teacher passes again', async () => {
    const retry = await getOrCreateOpenAttempt(alice, '9-10-m', 'v1', draw);
    await recordSubmission(alice, retry.id, { q1: ['a'], q2: ['b'] }, () => ({ correctCount: 7, score: 88, passed: true }));
    expect(await count(quizAttempts, alice.userId)).toBe(2);
    expect(await count(completions, alice.userId)).toBe(1);
    const [done] = await db.db
      .select()
      .from(completions)
      .where(sql`user_id = ${alice.userId}`);
    expect(done!.score).toBe(100);
  });

  it('hands the last submitted set to the draw, so a retry can avoid it', async () => {
    const seen: string[][] = [];
    const bobs = await getOrCreateOpenAttempt(bob, '9-10-m', 'v1', draw);
    await recordSubmission(bob, bobs.id, { q1: ['a'], q2: ['b'] }, grade(false));
    await getOrCreateOpenAttempt(bob, '9-10-m', 'v1', (last) => {
      seen.push(last);
      return ['q3'];
    });
    expect(seen).toEqual([['q1', 'q2']]);
  });

  it('draws an open attempt again in place when its questions left the bank, and keeps it otherwise', async () => {
    // Bob's open attempt holds q3 (previous test); a rewritten bank no longer has it.
    const stale = await getOrCreateOpenAttempt(bob, '9-10-m', 'v1', draw);
    expect(stale.questionIds).toEqual(['q3']);
    const alices = await getOrCreateOpenAttempt(alice, '9-10-m', 'v1', () => ['q3']);
    const kept = await getOrCreateOpenAttempt(
      bob,
      '9-10-m',
      'v2',
      () => ['new-1'],
      (a) => a.questionIds.includes('q3'),
    );
    expect(kept).toMatchObject({ id: stale.id, questionIds: ['q3'], moduleVersion: 'v1' });
    const redrawn = await getOrCreateOpenAttempt(
      bob,
      '9-10-m',
      'v2',
      () => ['new-1', 'new-2'],
      (a) => a.questionIds.every((id) => id.startsWith('new-')),
    );
    expect(redrawn).toMatchObject({ id: stale.id, questionIds: ['new-1', 'new-2'], moduleVersion: 'v2', submittedAt: null });
    const open = await db.db
      .select()
      .from(quizAttempts)
      .where(sql`user_id = ${bob.userId} and submitted_at is null`);
    expect(open).toHaveLength(1);
    // Another teacher's open attempt with the same stale question is not touched.
    const [stillAlices] = await db.db
      .select()
      .from(quizAttempts)
      .where(sql`id = ${alices.id}`);
    expect(stillAlices).toMatchObject({ questionIds: ['q3'], moduleVersion: 'v1', submittedAt: null });
  });
});
