import { useTranslations } from 'next-intl';
import { TierFilter } from '@/app/_components/form/tier-filter';
import type { CompletionFilters } from '@/lib/completion/summarize';

export const STATUSES = ['completed', 'in_progress', 'not_started', 'overdue'] as const;

/** A GET form: filters live in the URL, so a filtered view can be bookmarked and exported. */
export function Filters({ filters, csvHref }: { filters: CompletionFilters; csvHref: string }) {
  const t = useTranslations('admin');
  return (
    <form method="get" className="filters" aria-label={t('filters')}>
      <TierFilter label={t('tier')} allLabel={t('all')} value={filters.tier} />
      <label>
        {t('status')}
        <select name="status" defaultValue={filters.status ?? ''}>
          <option value="">{t('all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statusOf.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button">
        {t('apply')}
      </button>
      <a className="button" href={csvHref} download>
        {t('exportCsv')}
      </a>
    </form>
  );
}
