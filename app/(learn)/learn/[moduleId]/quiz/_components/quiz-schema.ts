import type { FieldErrors, Resolver } from 'react-hook-form';
import type { PublicQuestion } from '@/lib/quiz/attempts';
import { unanswered, type QuizFormValues } from '@/lib/quiz/unanswered';

export type { QuizFormValues };

/**
 * The browser's only check: every question on screen has an answer. Written out rather than as a
 * zod schema because zod and its resolver were a fifth of the quiz page's script on a phone; the
 * server parses the submission with its own zod schema (app/api/attempts/[attemptId]/schema.ts) and grades it.
 */
export function quizResolver(questions: PublicQuestion[]): Resolver<QuizFormValues> {
  return async (values) => {
    const missing = unanswered(questions, values);
    if (missing.length === 0) return { values, errors: {} };
    const errors = { answers: Object.fromEntries(missing.map((id) => [id, { type: 'required', message: 'required' }])) } as FieldErrors<QuizFormValues>;
    return { values: {}, errors };
  };
}

export function toSubmission(values: QuizFormValues) {
  return {
    answers: Object.fromEntries(Object.entries(values.answers).flatMap(([k, v]) => (v == null ? [] : [[k, Array.isArray(v) ? v : [v]]]))),
  };
}
