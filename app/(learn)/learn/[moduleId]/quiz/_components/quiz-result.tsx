'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { SubmissionResult } from '@/lib/quiz/attempts';
import { startQuiz } from '../../actions';

export function QuizResult({ result, moduleId }: { result: SubmissionResult; moduleId: string }) {
  const t = useTranslations('quiz');
  return (
    <section aria-labelledby="result-heading" className="quiz-result">
      <div role="status">
        <h2 id="result-heading" className={result.passed ? 'passed' : 'failed'}>
          {result.passed
            ? t('passed', { score: result.score })
            : t('failed', { score: result.score, passMark: result.passMark })}
        </h2>
        <p>{t('correctCount', { correct: result.correctCount, total: result.total })}</p>
      </div>
      <ol className="explanations">
        {result.results.map((r) => (
          <li key={r.id} data-correct={r.correct}>
            <p>
              <strong>{r.correct ? t('correct') : t('incorrect')}</strong> {r.prompt}
            </p>
            <p className="explanation">{r.explanation}</p>
          </li>
        ))}
      </ol>
      <p className="actions">
        {result.passed ? (
          <>
            <Link className="button primary" href="/learn">
              {t('backToTraining')}
            </Link>
            {result.certificateId && (
              <Link className="button" href={`/certificates/${result.certificateId}`}>
                {t('certificate')}
              </Link>
            )}
          </>
        ) : (
          <form action={startQuiz.bind(null, moduleId)}>
            <button type="submit" className="button primary">
              {t('retry')}
            </button>
          </form>
        )}
      </p>
    </section>
  );
}
