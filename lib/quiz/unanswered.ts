/** The quiz form's values: one option id per single-choice question, a list for multiple choice. */
export type QuizFormValues = { answers: Record<string, string | string[] | null | undefined> };

/** The questions on screen still without an answer (the browser's only check before sending). */
export function unanswered(questions: readonly { id: string }[], values: QuizFormValues): string[] {
  return questions
    .filter((q) => {
      const v = values.answers?.[q.id];
      return Array.isArray(v) ? v.length === 0 : typeof v !== 'string' || v === '';
    })
    .map((q) => q.id);
}
