// The quiz page's only script (bundled by scripts/build-sw.mjs into public/quiz.js): React and
// react-hook-form render the question form over the server's copy of it. The page itself is plain
// HTML from route.ts, so it carries none of Next's client router.
import { createRoot } from 'react-dom/client';
import type { PublicQuestion } from '@/lib/quiz/attempts';
import { translator, type QuizMessages } from './client-messages';
import type { QuizFormValues } from './quiz-schema';
import { QuizForm } from './quiz-form';

export type QuizIslandData = { attemptId: string; moduleId: string; questions: PublicQuestion[]; locale: string; timeZone: string; messages: QuizMessages };

const root = document.getElementById('quiz-root');
const data = document.getElementById('quiz-data');
if (root && data) {
  const { attemptId, moduleId, questions, locale, timeZone, messages } = JSON.parse(data.textContent ?? '{}') as QuizIslandData;
  // What the teacher already picked while the script loaded is kept.
  const picked: QuizFormValues['answers'] = {};
  for (const q of questions) {
    const checked = [...root.querySelectorAll<HTMLInputElement>('input:checked')].filter((i) => i.name === `answers.${q.id}`).map((i) => i.value);
    if (checked.length) picked[q.id] = q.type === 'multiple' ? checked : checked[0];
  }
  createRoot(root).render(
    <QuizForm
      attemptId={attemptId}
      moduleId={moduleId}
      questions={questions}
      picked={picked}
      t={translator(messages as unknown as Record<string, unknown>, locale, timeZone)}
    />,
  );
}
