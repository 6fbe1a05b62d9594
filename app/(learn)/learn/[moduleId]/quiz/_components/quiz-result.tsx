// Rendered by /quiz.js, outside Next's router: plain links are the page's only links.
/* eslint-disable @next/next/no-html-link-for-pages */
import { useEffect, useRef } from 'react';
import type { SubmissionResult } from '@/lib/quiz/submit';
import type { Translate } from './client-messages';
import { ReviewSections } from './review-sections';

export function QuizResult({ result, moduleId, t }: { result: SubmissionResult; moduleId: string; t: Translate }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The result replaces a long form whose button was at the bottom of a phone screen: bring it into view.
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'start', behavior: 'instant' });
  }, []);
  return (
    <section aria-labelledby="result-heading" className="quiz-result">
      <div role="status">
        <h2 id="result-heading" ref={heading} tabIndex={-1} className={result.passed ? 'passed' : 'failed'}>
          {result.passed ? t('passed', { score: result.score }) : t('failed', { score: result.score, passMark: result.passMark })}
        </h2>
        <p>{t('correctCount', { correct: result.correctCount, total: result.total })}</p>
      </div>
      {result.passed ? (
        <ol className="explanations">
          {result.items.map((item) => (
            <li key={item.id}>
              <p>
                <strong>{item.prompt}</strong>
              </p>
              <ul className="reviewed-options">
                {item.options.map((o) => (
                  <li key={o.id} data-correct={o.correct} data-chosen={o.chosen}>
                    {o.text}
                    {o.correct && <em> — {t('rightAnswer')}</em>}
                    {o.chosen && !o.correct && <em> — {t('yourAnswer')}</em>}
                  </li>
                ))}
              </ul>
              <p className="explanation">{item.explanation}</p>
            </li>
          ))}
        </ol>
      ) : (
        <ReviewSections moduleId={moduleId} sections={result.review} opensAt={result.retryOpensAt} t={t} />
      )}
      <div className="actions">
        {result.passed ? (
          <>
            <a className="button primary" href="/learn">
              {t('backToTraining')}
            </a>
            <a className="button" href={`/learn/${moduleId}`}>
              {t('rateConfidence')}
            </a>
            {result.certificateId && (
              <a className="button" href={`/certificates/${result.certificateId}`}>
                {t('certificate')}
              </a>
            )}
          </>
        ) : (
          <form method="post" action={`/learn/${moduleId}/quiz`}>
            <button type="submit" className="button primary">
              {t('retry')}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
