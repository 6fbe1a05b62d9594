import 'server-only';
import { getMyCertificateId } from '@/db/queries/certificates';
import type { Scope } from '@/db/queries/progress';
import type { QuizAttempt } from '@/db/schema';
import { getCatalog, type CatalogModule } from '@/lib/content/catalog';
import type { Locale } from '@/lib/i18n/locales';
import { orderedOptions } from './attempts';
import { AttemptConflictError } from './errors';
import { retryOpensAt } from './retry';
import { PASS_MARK, scoreAnswers, type Answers, type Score } from './score';
import { recordSubmission } from './submission';

export type ReviewedItem = {
  id: string;
  scenario?: string;
  prompt: string;
  options: { id: string; text: string; chosen: boolean; correct: boolean }[];
  explanation: string;
  findings: string[];
};

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
  /** After a pass: every item with the answer, its explanation and citations. Empty after a fail. */
  items: ReviewedItem[];
  /** After a fail: the sections to reread (not which items were right), and when a retry opens anyway. */
  review: { id: string; title: string }[];
  retryOpensAt: string | null;
};

/** The lesson sections (in lesson order) that the missed questions test. */
export function sectionsToReview(mod: CatalogModule, graded: Score) {
  const missed = new Set(graded.results.filter((r) => !r.correct).map((r) => mod.quizzes.en.questions.find((q) => q.id === r.id)?.section));
  return mod.lessons.en.sections.map((s) => s.id).filter((id) => missed.has(id));
}

function reviewedItems(mod: CatalogModule, attempt: QuizAttempt, answers: Answers, locale: Locale): ReviewedItem[] {
  const bank = mod.quizzes[locale].questions;
  return attempt.questionIds.flatMap((id) => {
    const q = bank.find((x) => x.id === id);
    if (!q) return [];
    const chosen = new Set(answers[id] ?? []);
    const options = orderedOptions(q.options, attempt.optionOrder[id]).map((o) => ({ ...o, chosen: chosen.has(o.id), correct: q.correct.includes(o.id) }));
    return [{ id, scenario: q.scenario, prompt: q.prompt, options, explanation: q.explanation, findings: q.findings }];
  });
}

/**
 * Grades on the server against the attempt's own questions, in one transaction (see
 * recordSubmission). A pass shows every item; a fail shows only which sections to reread, so a
 * quiz cannot be passed blind by retrying.
 */
export async function submitAttempt(scope: Scope, attemptId: string, answers: Answers, locale: Locale): Promise<SubmissionResult> {
  let mod: CatalogModule | undefined;
  let graded: Score | undefined;
  const { attempt, replayed } = await recordSubmission(scope, attemptId, answers, (a) => {
    mod = getCatalog().find((m) => m.id === a.moduleId);
    if (!mod) throw new AttemptConflictError('This module is no longer offered.', 'gone');
    if (a.moduleVersion !== mod.version) {
      throw new AttemptConflictError(
        'This quiz was updated after you opened it, so these answers were not recorded. Reload the page for the current questions.',
        'stale',
      );
    }
    graded = scoreAnswers(a.questionIds, mod.quizzes.en.questions, answers);
    return {
      correctCount: graded.correctCount,
      score: graded.score,
      passed: graded.passed,
      reviewSections: graded.passed ? null : sectionsToReview(mod, graded),
      locale,
    };
  });
  mod ??= getCatalog().find((m) => m.id === attempt.moduleId)!;
  const stored = attempt.answers ?? answers;
  // A replay was graded when it was first recorded: grade the stored answers again for the review.
  graded ??= scoreAnswers(attempt.questionIds, mod.quizzes.en.questions, stored);
  const passed = attempt.passed ?? graded.passed;
  const titles = new Map(mod.lessons[locale].sections.map((s) => [s.id, s.title]));
  const review = passed ? [] : (attempt.reviewSections ?? sectionsToReview(mod, graded)).map((id) => ({ id, title: titles.get(id) ?? id }));
  const opensAt =
    attempt.submittedAt && !passed ? retryOpensAt({ passed, submittedAt: attempt.submittedAt, reviewSections: review.map((r) => r.id) }, []) : null;
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
    items: passed ? reviewedItems(mod, attempt, stored, locale) : [],
    review,
    retryOpensAt: opensAt?.toISOString() ?? null,
  };
}
