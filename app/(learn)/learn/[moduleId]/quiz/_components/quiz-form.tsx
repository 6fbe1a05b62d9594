'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useForm } from 'react-hook-form';
import type { PublicQuestion } from '@/lib/quiz/attempts';
import type { SubmissionResult } from '@/lib/quiz/submit';
import { quizResolver, toSubmission, type QuizFormValues } from './quiz-schema';
import { QuizResult } from './quiz-result';
import { whenOfflineAnswersSent } from './offline-sync';

const noop = () => () => {};
/** False in the server render and during hydration, true once React owns the page. */
const useHydrated = () =>
  useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );

type Props = { attemptId: string; moduleId: string; questions: PublicQuestion[] };

export function QuizForm({ attemptId, moduleId, questions }: Props) {
  const t = useTranslations('quiz');
  const help = useTranslations('quizHelp');
  const [result, setResult] = useState<SubmissionResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  // Answers picked before hydration would be reset by the form library; the button waits for it.
  const ready = useHydrated();
  useEffect(() => (queued ? whenOfflineAnswersSent(() => window.location.reload()) : undefined), [queued]);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<QuizFormValues>({
    resolver: quizResolver(questions),
    defaultValues: { answers: Object.fromEntries(questions.map((q) => [q.id, q.type === 'multiple' ? [] : ''])) },
  });

  const onSubmit = async (values: QuizFormValues) => {
    setError(null);
    try {
      const res = await fetch(`/api/attempts/${attemptId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(toSubmission(values)),
      });
      const body = await res.json();
      // The service worker keeps answers given offline and sends them when the connection is back.
      if (res.status === 202 && body.queued) setQueued(true);
      else if (!res.ok)
        setError(
          res.status === 409
            ? t(body.code === 'stale' ? 'errors.stale' : 'errors.conflict')
            : res.status === 401
              ? t('errors.signedOut')
              : t('errors.rejected', { detail: body.error ?? res.status }),
        );
      else setResult(body as SubmissionResult);
    } catch {
      setError(t('errors.network'));
    }
  };

  if (result) return <QuizResult result={result} moduleId={moduleId} />;
  if (queued)
    return (
      <p className="notice" role="status">
        {t('offlineQueued')}
      </p>
    );

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="quiz" data-attempt-id={attemptId} data-ready={ready}>
      {questions.map((q, i) => {
        const fieldError = errors.answers?.[q.id];
        const errorId = `${q.id}-error`;
        return (
          <fieldset key={q.id} className="question" aria-describedby={errorId} aria-invalid={!!fieldError}>
            <legend>
              <span className="q-number">{t('questionOf', { n: i + 1, total: questions.length })}</span> {q.prompt}
            </legend>
            {q.scenario && <p className="q-scenario">{q.scenario}</p>}
            {q.type === 'multiple' && <p className="hint">{t('chooseAll')}</p>}
            {q.options.map((o) => (
              <label key={o.id} className="option">
                <input type={q.type === 'multiple' ? 'checkbox' : 'radio'} value={o.id} {...register(`answers.${q.id}`)} />
                <span>{o.text}</span>
              </label>
            ))}
            <p id={errorId} className="field-error" aria-live="polite">
              {fieldError && t('answerRequired')}
            </p>
          </fieldset>
        );
      })}
      <p role="alert" className="form-error">
        {error}
      </p>
      <button type="submit" className="button primary" disabled={!ready || isSubmitting} aria-describedby={ready ? undefined : 'quiz-not-ready'}>
        {isSubmitting ? t('submitting') : t('submit')}
      </button>
      {!ready && (
        <p id="quiz-not-ready" className="hint" role="status">
          {help('loading')}
        </p>
      )}
      <noscript>
        <p className="notice error">{help('noscript')}</p>
      </noscript>
    </form>
  );
}
