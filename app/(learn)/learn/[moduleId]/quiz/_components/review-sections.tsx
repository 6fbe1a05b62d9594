import type { Translate } from './client-messages';

type Props = { moduleId: string; sections: { id: string; title: string }[]; opensAt: string | null; t: Translate };

/** After a failed attempt: the sections to reread before a retry, and when it opens anyway. */
export function ReviewSections({ moduleId, sections, opensAt, t }: Props) {
  if (sections.length === 0) return null;
  return (
    <section aria-labelledby="review-heading" className="review-sections" data-testid="review-sections">
      <h3 id="review-heading">{t('reviewHeading')}</h3>
      <ul>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`/learn/${moduleId}/${s.id}`}>{s.title}</a>
          </li>
        ))}
      </ul>
      {opensAt && <p className="meta">{t('retryOpens', { time: new Date(opensAt) })}</p>}
    </section>
  );
}
