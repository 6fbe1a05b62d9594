import { useTranslations } from 'next-intl';
import type { Headline } from '@/lib/completion/headline';

/** The figures before the tables: how much of the expected training is done, and what is late. */
export function HeadlineFigures({ figures }: { figures: Headline }) {
  const t = useTranslations('headline');
  return (
    <section aria-labelledby="headline-heading" className="headline">
      <h2 id="headline-heading" className="visually-hidden">
        {t('heading')}
      </h2>
      <dl>
        <div>
          <dt>{t('completedLabel')}</dt>
          <dd>
            <strong>{t('percent', { percent: figures.percent })}</strong> {t('ofExpected', { completed: figures.completed, expected: figures.expected })}
          </dd>
        </div>
        <div data-overdue={figures.overdue > 0}>
          <dt>{t('overdueLabel')}</dt>
          <dd>
            <strong>{figures.overdue}</strong> {t('overdueText', { count: figures.overdue })}
          </dd>
        </div>
      </dl>
    </section>
  );
}
