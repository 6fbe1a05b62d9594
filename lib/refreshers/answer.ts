import 'server-only';
import { getMyRefresher, recordRefresherAnswers } from '@/db/queries/refreshers';
import { getModule } from '@/lib/content/catalog';
import type { Locale } from '@/lib/i18n/locales';
import { orderedOptions } from '@/lib/quiz/attempts';
import { scoreAnswers, type Answers } from '@/lib/quiz/score';

/** A refresher as its teacher sees it: questions in its option order; the key only once answered. */
export async function getRefresherView(userId: string, id: string, locale: Locale) {
  const r = await getMyRefresher(userId, id);
  const mod = r && getModule(r.moduleId);
  if (!r || !mod) return null;
  const bank = mod.quizzes[locale].questions;
  const answered = r.answeredAt !== null;
  const questions = r.questionIds.flatMap((qid) => {
    const q = bank.find((x) => x.id === qid);
    if (!q) return [];
    const picked = r.answers?.[qid] ?? [];
    const correct = answered && picked.length === q.correct.length && q.correct.every((c) => picked.includes(c));
    return [
      {
        id: q.id,
        type: q.type,
        scenario: q.scenario,
        prompt: q.prompt,
        options: orderedOptions(q.options, r.optionOrder[qid]).map((o) => ({ id: o.id, text: o.text })),
        review: answered ? { picked, correct, key: q.correct, explanation: q.explanation } : null,
      },
    ];
  });
  return { id: r.id, moduleId: r.moduleId, title: mod.lessons[locale].frontmatter.title, stage: r.stage, answered, correctCount: r.correctCount, questions };
}

/** Scores on the server (all-or-nothing per question, as in quizzes); a second submit is ignored. */
export async function answerRefresher(userId: string, id: string, answers: Answers) {
  const r = await getMyRefresher(userId, id);
  const mod = r && getModule(r.moduleId);
  if (!r || !mod) return { ok: false as const, reason: 'not-found' as const };
  if (r.answeredAt) return { ok: true as const, replayed: true };
  // Throws AnswerError for an answer the teacher could not have given: nothing is stored then.
  const score = scoreAnswers(r.questionIds, mod.quizzes.en.questions, answers);
  const stored = await recordRefresherAnswers(userId, id, answers, score.correctCount);
  return { ok: true as const, replayed: !stored };
}
