import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireOperator } from '@/app/_lib/session';
import { getCatalog } from '@/lib/content/catalog';
import { itemFiltersQuery, parseItemFilters } from '@/lib/items/filters';
import { MIN_ANSWERS } from '@/lib/items/flags';
import { getItemReport } from '@/lib/items/report';
import { refreshItemsNow } from './actions';
import { ItemFiltersForm } from './_components/item-filters-form';
import { ItemTable } from './_components/item-table';
import { getPageLocale } from '@/app/_lib/locale';

// All modules hold ~320 items: the page shows the first rows in the chosen order; the CSV has all.
const ITEM_ROWS = 60;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('items'))('title') };
}

/** Item statistics for whoever maintains the quiz banks: read from the background snapshot. */
export default async function OperatorItemsPage({ searchParams }: Props) {
  await requireOperator();
  const catalog = getCatalog();
  const filters = parseItemFilters(
    await searchParams,
    catalog.map((m) => m.id),
  );
  const locale = await getPageLocale();
  const [t, format, report] = await Promise.all([getTranslations('items'), getFormatter(), getItemReport(catalog, { ...filters, locale })]);
  const flagged = report.rows.filter((r) => r.flags.length > 0).length;
  const shown = report.rows.slice(0, ITEM_ROWS);
  return (
    <div>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead', { min: MIN_ANSWERS })}</p>
      <ItemFiltersForm
        filters={filters}
        modules={catalog.map((m) => ({ id: m.id, label: `${m.tier} · ${m.lessons[locale].frontmatter.title}` }))}
        csvHref={`/api/items.csv${itemFiltersQuery(filters)}`}
      />
      <form action={refreshItemsNow} className="meta">
        <span>
          {report.computedAt ? t('asOf', { time: format.dateTime(report.computedAt, { dateStyle: 'medium', timeStyle: 'short' }) }) : t('notComputed')}
        </span>
        <button type="submit" className="button small">
          {t('refresh')}
        </button>
      </form>
      <p className="meta" aria-live="polite">
        {t('summary', { items: report.rows.length, flagged })} {shown.length < report.rows.length && t('showing', { shown: shown.length })}
      </p>
      {report.rows.length === 0 ? <p>{t('empty')}</p> : <ItemTable rows={shown} />}
    </div>
  );
}
