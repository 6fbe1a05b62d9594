import 'server-only';
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { completions, quizAttempts, type AnswerMap, type QuizAttempt } from '@/db/schema';
import { newCertificateId } from '@/lib/certificates/id';
import type { Scope } from './progress';

export type AttemptOutcome = { correctCount: number; score: number; passed: boolean };

export class AttemptNotFoundError extends Error {}
export class AttemptConflictError extends Error {}

/**
 * The teacher's open attempt for the module, or a new one with the questions `draw` picks.
 * An open attempt whose questions fail `stillValid` (the bank was rewritten since it was drawn)
 * is drawn again in place, so the teacher is never left with questions that no longer exist.
 */
export async function getOrCreateOpenAttempt(
  scope: Scope,
  moduleId: string,
  moduleVersion: string,
  draw: (lastSeen: string[]) => string[],
  stillValid: (questionIds: string[]) => boolean = () => true,
): Promise<QuizAttempt> {
  const db = await getDb();
  const open = () =>
    db
      .select()
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, scope.userId), eq(quizAttempts.moduleId, moduleId), isNull(quizAttempts.submittedAt)))
      .limit(1);
  const [existing] = await open();
  if (existing && stillValid(existing.questionIds)) return existing;
  const [last] = await db
    .select({ questionIds: quizAttempts.questionIds })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, scope.userId), eq(quizAttempts.moduleId, moduleId), isNotNull(quizAttempts.submittedAt)))
    .orderBy(desc(quizAttempts.submittedAt))
    .limit(1);
  const questionIds = draw(last?.questionIds ?? []);
  if (existing) {
    const [redrawn] = await db
      .update(quizAttempts)
      .set({ questionIds, moduleVersion, startedAt: sql`now()` })
      .where(and(eq(quizAttempts.id, existing.id), isNull(quizAttempts.submittedAt)))
      .returning();
    if (redrawn) return redrawn;
  }
  // The partial unique index makes a concurrent second start a no-op; both then read the same row.
  await db.insert(quizAttempts).values({ ...scope, moduleId, moduleVersion, questionIds }).onConflictDoNothing();
  const [created] = await open();
  return created!;
}

export async function getAttempt(scope: Scope, attemptId: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, scope.userId)))
    .limit(1);
  return row;
}

function sameAnswers(a: AnswerMap, b: AnswerMap) {
  const norm = (m: AnswerMap) =>
    JSON.stringify(Object.keys(m).sort().map((k) => [k, [...(m[k] ?? [])].sort()]));
  return norm(a) === norm(b);
}

/**
 * Records a submission in one transaction: the attempt row is locked, graded by `grade`
 * (which throws on invalid answers, writing nothing) and, on a pass, the completion is added.
 * Re-sending the same answers (double click, network retry) returns the stored result.
 */
export async function recordAttemptSubmission(
  scope: Scope,
  attemptId: string,
  answers: AnswerMap,
  grade: (attempt: QuizAttempt) => AttemptOutcome,
): Promise<{ attempt: QuizAttempt; replayed: boolean }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [attempt] = await tx
      .select()
      .from(quizAttempts)
      .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, scope.userId)))
      .for('update')
      .limit(1);
    if (!attempt) throw new AttemptNotFoundError('This quiz attempt does not exist or is not yours.');
    if (attempt.submittedAt) {
      if (attempt.answers && sameAnswers(attempt.answers, answers)) return { attempt, replayed: true };
      throw new AttemptConflictError('This attempt was already submitted with other answers. Start a new attempt.');
    }
    const outcome = grade(attempt);
    const [saved] = await tx
      .update(quizAttempts)
      .set({ answers, submittedAt: sql`now()`, ...outcome })
      // Locked (for update) and checked above: match the primary key only. With "submitted_at is null"
      // added, the planner may pick the partial open-attempt index and scan every open attempt.
      .where(eq(quizAttempts.id, attemptId))
      .returning();
    if (outcome.passed) {
      await tx
        .insert(completions)
        .values({ userId: scope.userId, schoolId: attempt.schoolId, moduleId: attempt.moduleId, attemptId, score: outcome.score })
        .onConflictDoNothing();
      // The certificate freezes what it shows (names, title, score) at the first pass.
      await tx.execute(sql`
        insert into certificates (id, user_id, school_id, module_id, attempt_id, teacher_name, school_name, module_title, tier, score)
        select ${newCertificateId()}, u.id, s.id, m.id, ${attemptId}, u.name, s.name, m.title, m.tier, ${outcome.score}
        from users u, schools s, modules m
        where u.id = ${scope.userId} and s.id = ${attempt.schoolId} and m.id = ${attempt.moduleId}
        on conflict (user_id, module_id) do nothing`);
      // Scores for the LMS gradebooks this module was launched from, sent by the outbox worker.
      await tx.execute(sql`
        insert into grade_outbox (attempt_id, registration_id, lineitem_url, lti_sub, score_given, scored_at)
        select ${attemptId}, g.registration_id, g.lineitem_url, g.lti_sub, ${outcome.score}, now()
        from lti_grade_targets g
        where g.user_id = ${scope.userId} and g.module_id = ${attempt.moduleId}
        on conflict (attempt_id, lineitem_url) do nothing`);
    }
    return { attempt: saved!, replayed: false };
  });
}

export async function getOpenAttempt(scope: Scope, moduleId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: quizAttempts.id, questionIds: quizAttempts.questionIds })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, scope.userId), eq(quizAttempts.moduleId, moduleId), isNull(quizAttempts.submittedAt)))
    .limit(1);
  return row;
}

export async function getQuizHistory(scope: Scope, moduleId: string) {
  const db = await getDb();
  const [attempts, [completion]] = await Promise.all([
    db
      .select({ id: quizAttempts.id, score: quizAttempts.score, passed: quizAttempts.passed, submittedAt: quizAttempts.submittedAt })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, scope.userId), eq(quizAttempts.moduleId, moduleId), isNotNull(quizAttempts.submittedAt)))
      .orderBy(desc(quizAttempts.submittedAt)),
    db
      .select({ score: completions.score, completedAt: completions.completedAt })
      .from(completions)
      .where(and(eq(completions.userId, scope.userId), eq(completions.moduleId, moduleId))),
  ]);
  return { attempts, completion: completion ?? null };
}
