import type { Question } from '@/lib/content/types';

export const PASS_MARK = 80;

export type Answers = Record<string, string[]>;

export type QuestionResult = { id: string; correct: boolean };
export type Score = { correctCount: number; total: number; score: number; passed: boolean; results: QuestionResult[] };

export class AnswerError extends Error {}

/**
 * Rejects answers that could not come from the quiz the teacher was shown: an unknown or
 * missing question, an option not offered, or several options for a single-choice question.
 */
export function validateAnswers(questionIds: readonly string[], bank: readonly Question[], answers: Answers) {
  const drawn = new Set(questionIds);
  for (const qid of Object.keys(answers)) {
    if (!drawn.has(qid)) throw new AnswerError(`Question "${qid}" is not part of this attempt.`);
  }
  for (const qid of questionIds) {
    const q = bank.find((x) => x.id === qid);
    if (!q) throw new AnswerError(`Question "${qid}" no longer exists.`);
    const picked = answers[qid];
    if (!picked || picked.length === 0) throw new AnswerError(`Question "${qid}" has no answer.`);
    if (new Set(picked).size !== picked.length) throw new AnswerError(`Question "${qid}" lists an option twice.`);
    for (const opt of picked) {
      if (!q.options.some((o) => o.id === opt)) throw new AnswerError(`Option "${opt}" is not offered in question "${qid}".`);
    }
    if (q.type !== 'multiple' && picked.length > 1) throw new AnswerError(`Question "${qid}" takes one answer.`);
  }
}

/** All-or-nothing per question: a multiple-choice answer counts when it is exactly the correct set. */
export function scoreAnswers(questionIds: readonly string[], bank: readonly Question[], answers: Answers): Score {
  validateAnswers(questionIds, bank, answers);
  const results = questionIds.map((qid) => {
    const q = bank.find((x) => x.id === qid)!;
    const picked = new Set(answers[qid]);
    const correct = picked.size === q.correct.length && q.correct.every((c) => picked.has(c));
    return { id: qid, correct };
  });
  const correctCount = results.filter((r) => r.correct).length;
  const total = results.length;
  const score = total === 0 ? 0 : Math.round((correctCount / total) * 100);
  // Compare the exact ratio: 79.5% must not pass by rounding up.
  return { correctCount, total, score, passed: total > 0 && correctCount * 100 >= PASS_MARK * total, results };
}
