import 'server-only';
import { getLastSubmittedAttempt, getOrCreateOpenAttempt } from '@/db/queries/attempts';
import { listSectionsReadSince, type Scope } from '@/db/queries/progress';
import type { QuizAttempt } from '@/db/schema';
import type { CatalogModule } from '@/lib/content/catalog';
import type { Locale } from '@/lib/i18n/locales';
import { drawQuestions, shuffleOptions } from './draw';
import { AttemptConflictError, AttemptNotFoundError, RetryNotOpenError } from './errors';
import { retryOpensAt, isRetryOpen } from './retry';
import { AnswerError } from './score';

export { AnswerError, AttemptConflictError, AttemptNotFoundError, RetryNotOpenError };

/** What the browser may see of a question: never the answer key; options in the attempt's order. */
export type PublicQuestion = {
  id: string;
  type: 'single' | 'multiple' | 'scenario';
  scenario?: string;
  prompt: string;
  options: { id: string; text: string }[];
};

/** True when the open attempt was drawn from the module as it is now (same version, same questions). */
export function isCurrentDraw(mod: CatalogModule, attempt: Pick<QuizAttempt, 'questionIds' | 'moduleVersion'>) {
  const { questionIds } = attempt;
  return attempt.moduleVersion === mod.version && questionIds.length > 0 && questionIds.every((id) => mod.quizzes.en.questions.some((q) => q.id === id));
}

/** After a failed attempt: the sections still to reread and when the retry opens anyway (null: open now). */
export async function getRetryGate(scope: Scope, mod: CatalogModule) {
  const last = await getLastSubmittedAttempt(scope, mod.id);
  const reread = last && !last.passed ? await listSectionsReadSince(scope, mod.id, last.submittedAt) : [];
  const opensAt = retryOpensAt(last, reread);
  const pending = new Set((last?.reviewSections ?? []).filter((s) => !reread.includes(s)));
  return { opensAt: isRetryOpen(opensAt) ? null : opensAt, review: mod.lessons.en.sections.filter((s) => pending.has(s.id)).map((s) => s.id) };
}

/** The open attempt, or a new draw (unseen questions first, options shuffled) once a retry is open. */
export async function startOrResumeAttempt(scope: Scope, mod: CatalogModule) {
  const bank = mod.quizzes.en.questions;
  return getOrCreateOpenAttempt(
    scope,
    mod.id,
    mod.version,
    (seen) => {
      const questionIds = drawQuestions(
        bank.map((q) => q.id),
        seen,
      );
      return { questionIds, optionOrder: shuffleOptions(bank.filter((q) => questionIds.includes(q.id))) };
    },
    (attempt) => isCurrentDraw(mod, attempt),
  );
}

/** Starts (or resumes) an attempt, refusing a retry that is not open yet. */
export async function startAttempt(scope: Scope, mod: CatalogModule) {
  const gate = await getRetryGate(scope, mod);
  if (gate.opensAt) throw new RetryNotOpenError(gate.opensAt, gate.review);
  return startOrResumeAttempt(scope, mod);
}

/** Options in the order this attempt shows them (file order for attempts drawn before shuffling). */
export function orderedOptions<O extends { id: string }>(options: readonly O[], order: readonly string[] | undefined): O[] {
  if (!order) return [...options];
  return [...options].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

export function publicQuestions(mod: CatalogModule, attempt: Pick<QuizAttempt, 'questionIds' | 'optionOrder'>, locale: Locale): PublicQuestion[] {
  const bank = mod.quizzes[locale].questions;
  return attempt.questionIds.flatMap((id) => {
    const q = bank.find((x) => x.id === id);
    return q ? [{ id: q.id, type: q.type, scenario: q.scenario, prompt: q.prompt, options: orderedOptions(q.options, attempt.optionOrder[id]) }] : [];
  });
}
