import 'server-only';
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { completions, quizAttempts, type AnswerMap, type QuizAttempt } from '@/db/schema';
import type { Scope } from './progress';

export type AttemptOutcome = { correctCount: number; score: number; passed: boolean };

export type Draw = { questionIds: string[]; optionOrder?: Record<string, string[]> };

/**
 * The teacher's open attempt for the module, or a new one with what `draw` picks (given every
 * question the teacher saw in earlier attempts, most recent first). An open attempt that fails
 * `stillValid` (the module changed since it was drawn) is drawn again in place, so the teacher
 * is never left with questions that no longer exist.
 */
export async function getOrCreateOpenAttempt(
  scope: Scope,
  moduleId: string,
  moduleVersion: string,
  pick: (seen: string[]) => string[] | Draw,
  stillValid: (attempt: QuizAttempt) => boolean = () => true,
): Promise<QuizAttempt> {
  const db = await getDb();
  const open = () =>
    db
      .select()
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, scope.userId), eq(quizAttempts.moduleId, moduleId), isNull(quizAttempts.submittedAt)))
      .limit(1);
  const [existing] = await open();
  if (existing && stillValid(existing)) return existing;
  const earlier = await db
    .select({ questionIds: quizAttempts.questionIds })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, scope.userId), eq(quizAttempts.moduleId, moduleId), isNotNull(quizAttempts.submittedAt)))
    .orderBy(desc(quizAttempts.submittedAt));
  const drawn = pick([...new Set(earlier.flatMap((a) => a.questionIds))]);
  const { questionIds, optionOrder = {} } = Array.isArray(drawn) ? { questionIds: drawn } : drawn;
  if (existing) {
    const [redrawn] = await db
      .update(quizAttempts)
      .set({ questionIds, optionOrder, moduleVersion, startedAt: sql`now()` })
      .where(and(eq(quizAttempts.id, existing.id), isNull(quizAttempts.submittedAt)))
      .returning();
    if (redrawn) return redrawn;
  }
  // The partial unique index makes a concurrent second start a no-op; both then read the same row.
  await db
    .insert(quizAttempts)
    .values({ ...scope, moduleId, moduleVersion, questionIds, optionOrder })
    .onConflictDoNothing();
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

/** The attempt, locked for the rest of the transaction; undefined when it is not this user's. */
export async function lockAttempt(tx: Tx, userId: string, attemptId: string) {
  const [attempt] = await tx
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, userId)))
    .for('update')
    .limit(1);
  return attempt;
}

export async function recordAttemptResult(
  tx: Tx,
  attemptId: string,
  answers: AnswerMap,
  outcome: AttemptOutcome & { reviewSections?: string[] | null; locale?: string },
) {
  const [saved] = await tx
    .update(quizAttempts)
    .set({ answers, submittedAt: sql`now()`, ...outcome })
    // Locked (for update) by the caller: match the primary key only. With "submitted_at is null"
    // added, the planner may pick the partial open-attempt index and scan every open attempt.
    .where(eq(quizAttempts.id, attemptId))
    .returning();
  return saved!;
}

export async function recordCompletion(tx: Tx, c: { userId: string; schoolId: string; moduleId: string; attemptId: string; score: number }) {
  await tx.insert(completions).values(c).onConflictDoNothing();
}

/** The teacher's latest submitted attempt of the module: a failed one decides when a retry opens. */
export async function getLastSubmittedAttempt(scope: Scope, moduleId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ passed: quizAttempts.passed, submittedAt: quizAttempts.submittedAt, reviewSections: quizAttempts.reviewSections })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, scope.userId), eq(quizAttempts.moduleId, moduleId), isNotNull(quizAttempts.submittedAt)))
    .orderBy(desc(quizAttempts.submittedAt))
    .limit(1);
  return row && row.submittedAt ? { ...row, submittedAt: row.submittedAt } : undefined;
}

export async function getOpenAttempt(scope: Scope, moduleId: string) {
  const db = await getDb();
  const [row] = await db
    .select()
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
