// zod/mini: the same checks as zod with a fraction of the script, on the page phones load most.
import * as z from 'zod/mini';
import type { PublicQuestion } from '@/lib/quiz/attempts';

/** Built from the questions on screen: every question needs an answer before it is sent. */
export function quizFormSchema(questions: PublicQuestion[]) {
  return z.object({
    answers: z.object(
      Object.fromEntries(
        questions.map((q) => [
          q.id,
          q.type === 'multiple'
            ? z.array(z.string()).check(z.minLength(1, 'required'))
            : z.string({ error: 'required' }).check(z.minLength(1, 'required')),
        ]),
      ),
    ),
  });
}

export type QuizFormValues = { answers: Record<string, string | string[]> };

export function toSubmission(values: QuizFormValues) {
  return {
    answers: Object.fromEntries(Object.entries(values.answers).map(([k, v]) => [k, Array.isArray(v) ? v : [v]])),
  };
}
