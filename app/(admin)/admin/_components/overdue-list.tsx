import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { CompletionSummary } from '@/lib/completion/summarize';
import { formatDay } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/locales';

type Props = { summary: CompletionSummary; locale: Locale; limit?: number; moreHref?: string };

/** With `limit`, a big school sees the first overdue modules and a link to the rest (the matrix filtered to overdue). */
export function OverdueList({ summary, locale, limit = Infinity, moreHref }: Props) {
  const t = useTranslations('admin');
  const title = (id: string) => summary.byModule.find((m) => m.id === id)?.title[locale] ?? id;
  return (
    <section aria-labelledby="overdue">
      <h2 id="overdue">{t('overdue', { count: summary.overdue.length })}</h2>
      {summary.overdue.length === 0 ? (
        <p>{t('noOverdue')}</p>
      ) : (
        <ul>
          {summary.overdue.slice(0, limit).map((o) => (
            <li key={`${o.email}-${o.moduleId}`}>{t('overdueItem', { teacher: o.teacher, module: title(o.moduleId), due: formatDay(o.dueDate, locale) })}</li>
          ))}
        </ul>
      )}
      {summary.overdue.length > limit && moreHref && (
        <p>
          <Link href={moreHref}>{t('overdueMore', { count: summary.overdue.length - limit })}</Link>
        </p>
      )}
    </section>
  );
}
