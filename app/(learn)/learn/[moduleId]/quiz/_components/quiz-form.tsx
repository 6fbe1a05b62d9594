import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { PublicQuestion } from '@/lib/quiz/attempts';
import type { SubmissionResult } from '@/lib/quiz/submit';
import type { Translate } from './client-messages';
import { quizResolver, toSubmission, type QuizFormValues } from './quiz-schema';
import { QuizResult } from './quiz-result';
import { whenOfflineAnswersSent } from './offline-sync';

type Props = {
  attemptId: string;
  moduleId: string;
  questions: PublicQuestion[];
  /** Answers already picked in the server's form before the script took over. */
  picked: QuizFormValues['answers'];
  t: Translate;
};

/** The question form, rendered in the browser by quiz-island.tsx over the server's copy of it (quiz-page-html.ts). */
export function QuizForm({ attemptId, moduleId, questions, picked, t }: Props) {
  const [result, setResult] = useState<SubmissionResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  useEffect(() => (queued ? whenOfflineAnswersSent(() => window.location.reload()) : undefined), [queued]);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<QuizFormValues>({
    resolver: quizResolver(questions),
    defaultValues: { answers: Object.fromEntries(questions.map((q) => [q.id, picked[q.id] ?? (q.type === 'multiple' ? [] : '')])) },
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
            ? t(body.code === 'stale' ? 'quiz.errors.stale' : 'quiz.errors.conflict')
            : res.status === 401
              ? t('quiz.errors.signedOut')
              : t('quiz.errors.rejected', { detail: body.error ?? res.status }),
        );
      else setResult(body as SubmissionResult);
    } catch {
      setError(t('quiz.errors.network'));
    }
  };

  if (result) return <QuizResult result={result} moduleId={moduleId} t={(key, values) => t(`quiz.${key}`, values)} />;
  if (queued)
    return (
      <p className="notice" role="status">
        {t('quiz.offlineQueued')}
      </p>
    );

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="quiz" data-attempt-id={attemptId} data-ready="true">
      {questions.map((q, i) => {
        const fieldError = errors.answers?.[q.id];
        const errorId = `${q.id}-error`;
        return (
          <fieldset key={q.id} className="question" aria-describedby={errorId} aria-invalid={!!fieldError}>
            <legend>
              <span className="q-number">{t('quiz.questionOf', { n: i + 1, total: questions.length })}</span> {q.prompt}
            </legend>
            {q.scenario && <p className="q-scenario">{q.scenario}</p>}
            {q.type === 'multiple' && <p className="hint">{t('quiz.chooseAll')}</p>}
            {q.options.map((o) => (
              <label key={o.id} className="option">
                <input type={q.type === 'multiple' ? 'checkbox' : 'radio'} value={o.id} {...register(`answers.${q.id}`)} />
                <span>{o.text}</span>
              </label>
            ))}
            <p id={errorId} className="field-error" aria-live="polite">
              {fieldError && t('quiz.answerRequired')}
            </p>
          </fieldset>
        );
      })}
      <p role="alert" className="form-error">
        {error}
      </p>
      <button type="submit" className="button primary" disabled={isSubmitting}>
        {isSubmitting ? t('quiz.submitting') : t('quiz.submit')}
      </button>
    </form>
  );
}
