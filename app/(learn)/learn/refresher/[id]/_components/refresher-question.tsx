import { getTranslations } from 'next-intl/server';
import type { getRefresherView } from '@/lib/refreshers/answer';

type Question = NonNullable<Awaited<ReturnType<typeof getRefresherView>>>['questions'][number];

export async function RefresherQuestion({ q, n, total }: { q: Question; n: number; total: number }) {
  const t = await getTranslations('refresher');
  const multiple = q.type === 'multiple';
  return (
    <fieldset className="question" disabled={!!q.review}>
      <legend>
        <span className="meta">{t('questionOf', { n, total })}</span> {q.scenario && <span className="scenario">{q.scenario} </span>}
        {q.prompt}
      </legend>
      {multiple && <p className="meta">{t('chooseAll')}</p>}
      {q.options.map((o) => (
        <label key={o.id} className="option">
          <input type={multiple ? 'checkbox' : 'radio'} name={`q:${q.id}`} value={o.id} required={!multiple} defaultChecked={q.review?.picked.includes(o.id)} />{' '}
          {o.text}
          {q.review?.key.includes(o.id) && <strong> ({t('rightAnswer')})</strong>}
        </label>
      ))}
      {q.review && (
        <p role="note">
          <strong>{q.review.correct ? t('correct') : t('notQuite')}</strong> {q.review.explanation}
        </p>
      )}
    </fieldset>
  );
}
