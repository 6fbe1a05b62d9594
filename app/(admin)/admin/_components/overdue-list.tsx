import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { CompletionSummary } from '@/lib/completion/summarize';
import { formatDay } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/locales';

type Props = {
  items: readonly { teacher: string; email: string | null; moduleId: string; dueDate: string | null }[];
  /** All overdue modules; when more than `items`, a link (`moreHref`) leads to the rest. */
  total: number;
  modules: CompletionSummary['byModule'];
  locale: Locale;
  moreHref?: string;
};

export function OverdueList({ items, total, modules, locale, moreHref }: Props) {
  const t = useTranslations('admin');
  const title = (id: string) => modules.find((m) => m.id === id)?.title[locale] ?? id;
  return (
    <section aria-labelledby="overdue">
      <h2 id="overdue">{t('overdue', { count: total })}</h2>
      {items.length === 0 ? (
        <p>{t('noOverdue')}</p>
      ) : (
        <ul>
          {items.map((o) => (
            <li key={`${o.email}-${o.moduleId}`}>
              {t('overdueItem', { teacher: o.teacher, module: title(o.moduleId), due: o.dueDate ? formatDay(o.dueDate, locale) : '' })}
            </li>
          ))}
        </ul>
      )}
      {total > items.length && moreHref && (
        <p>
          <Link href={moreHref}>{t('overdueMore', { count: total - items.length })}</Link>
        </p>
      )}
    </section>
  );
}
