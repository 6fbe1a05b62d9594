import { useTranslations } from 'next-intl';
import type { CompletionSummary } from '@/lib/completion/summarize';
import { formatDay } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/locales';

export function OverdueList({ summary, locale }: { summary: CompletionSummary; locale: Locale }) {
  const t = useTranslations('admin');
  const title = (id: string) => summary.byModule.find((m) => m.id === id)?.title[locale] ?? id;
  return (
    <section aria-labelledby="overdue">
      <h2 id="overdue">{t('overdue', { count: summary.overdue.length })}</h2>
      {summary.overdue.length === 0 ? (
        <p>{t('noOverdue')}</p>
      ) : (
        <ul>
          {summary.overdue.map((o) => (
            <li key={`${o.email}-${o.moduleId}`}>{t('overdueItem', { teacher: o.teacher, module: title(o.moduleId), due: formatDay(o.dueDate, locale) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
