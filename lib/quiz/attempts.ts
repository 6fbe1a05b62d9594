import 'server-only';
import {
  AttemptConflictError,
  AttemptNotFoundError,
  getOrCreateOpenAttempt,
  recordAttemptSubmission,
} from '@/db/queries/attempts';
import type { Scope } from '@/db/queries/progress';
import { getMyCertificateId } from '@/db/queries/certificates';
import type { CatalogModule } from '@/lib/content/catalog';
import { getCatalog } from '@/lib/content/catalog';
import type { Locale } from '@/lib/i18n/locales';
import { drawQuestions } from './draw';
import { AnswerError, PASS_MARK, scoreAnswers, type Answers, type Score } from './score';

export { AnswerError, AttemptConflictError, AttemptNotFoundError };

/** What the browser may see of a question: never the answer key. */
export type PublicQuestion = {
  id: string;
  type: 'single' | 'multiple' | 'scenario';
  scenario?: string;
  prompt: string;
  options: { id: string; text: string }[];
};

/** True when every question of a drawn attempt is still in the module's bank. */
export function isCurrentDraw(mod: CatalogModule, questionIds: readonly string[]) {
  return questionIds.length > 0 && questionIds.every((id) => mod.quizzes.en.questions.some((q) => q.id === id));
}

export async function startOrResumeAttempt(scope: Scope, mod: CatalogModule) {
  const bank = mod.quizzes.en.questions.map((q) => q.id);
  return getOrCreateOpenAttempt(
    scope,
    mod.id,
    mod.version,
    (lastSeen) => drawQuestions(bank, lastSeen),
    (questionIds) => isCurrentDraw(mod, questionIds),
  );
}

export function publicQuestions(mod: CatalogModule, questionIds: string[], locale: Locale): PublicQuestion[] {
  const bank = mod.quizzes[locale].questions;
  return questionIds.flatMap((id) => {
    const q = bank.find((x) => x.id === id);
    return q ? [{ id: q.id, type: q.type, scenario: q.scenario, prompt: q.prompt, options: q.options }] : [];
  });
}

export type SubmissionResult = {
  attemptId: string;
  moduleId: string;
  score: number;
  passed: boolean;
  correctCount: number;
  total: number;
  passMark: number;
  replayed: boolean;
  certificateId: string | null;
  results: { id: string; prompt: string; correct: boolean; explanation: string; findings: string[] }[];
};

/** Grades on the server against the attempt's own questions, in one transaction (see recordAttemptSubmission). */
export async function submitAttempt(scope: Scope, attemptId: string, answers: Answers, locale: Locale): Promise<SubmissionResult> {
  let mod: CatalogModule | undefined;
  let graded: Score | undefined;
  const { attempt, replayed } = await recordAttemptSubmission(scope, attemptId, answers, (a) => {
    mod = getCatalog().find((m) => m.id === a.moduleId);
    if (!mod) throw new AttemptConflictError('This module is no longer offered.');
    graded = scoreAnswers(a.questionIds, mod.quizzes.en.questions, answers);
    return { correctCount: graded.correctCount, score: graded.score, passed: graded.passed };
  });
  mod ??= getCatalog().find((m) => m.id === attempt.moduleId)!;
  // A replay was graded when it was first recorded: grade the stored answers again for the explanations.
  graded ??= scoreAnswers(attempt.questionIds, mod.quizzes.en.questions, attempt.answers ?? answers);
  const bank = mod.quizzes[locale].questions;
  const passed = attempt.passed ?? graded.passed;
  return {
    attemptId: attempt.id,
    moduleId: attempt.moduleId,
    score: attempt.score ?? graded.score,
    passed,
    correctCount: attempt.correctCount ?? graded.correctCount,
    total: graded.total,
    passMark: PASS_MARK,
    replayed,
    certificateId: passed ? ((await getMyCertificateId(scope.userId, attempt.moduleId)) ?? null) : null,
    results: graded.results.map((r) => {
      const q = bank.find((x) => x.id === r.id)!;
      return { id: r.id, prompt: q.prompt, correct: r.correct, explanation: q.explanation, findings: q.findings };
    }),
  };
}
