import { getLocale, getTranslations } from 'next-intl/server';
import { getCurrentOperator } from '@/app/_lib/session';
import { getCatalog } from '@/lib/content/catalog';
import { toCsv } from '@/lib/completion/csv';
import { isLocale } from '@/lib/i18n/locales';
import { parseItemFilters } from '@/lib/items/filters';
import { getItemReport } from '@/lib/items/report';

/** The item statistics as CSV, one row per item, with each option's pick count: operators only. */
export async function GET(request: Request) {
  if (!(await getCurrentOperator())) return new Response('Only platform operators may export item statistics.', { status: 404 });
  const catalog = getCatalog();
  const filters = parseItemFilters(
    Object.fromEntries(new URL(request.url).searchParams),
    catalog.map((m) => m.id),
  );
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : 'en';
  const [t, report] = await Promise.all([getTranslations('items'), getItemReport(catalog, { ...filters, locale })]);
  const maxOptions = Math.max(0, ...report.rows.map((r) => r.options.length));
  const optionHeaders = Array.from({ length: maxOptions }, (_, i) => t('optionColumn', { letter: 'ABCDEFGH'[i] ?? String(i + 1) }));
  const csv = toCsv(
    [
      t('language'),
      t('tier'),
      t('module'),
      t('questionId'),
      t('question'),
      t('answered'),
      t('correctCount'),
      t('difficulty'),
      t('discrimination'),
      t('keyColumn'),
      ...optionHeaders,
      t('flags'),
    ],
    report.rows.map((r) => [
      filters.language || t('allLanguages'),
      r.tier,
      r.moduleId,
      r.questionId,
      r.prompt,
      r.answered,
      r.correct,
      r.difficulty === null ? '' : r.difficulty.toFixed(3),
      r.discrimination === null ? '' : r.discrimination.toFixed(3),
      r.options
        .filter((o) => o.correct)
        .map((o) => o.label)
        .join(' '),
      ...Array.from({ length: maxOptions }, (_, i) => r.options[i]?.picked ?? ''),
      r.flags.map((f) => t(`flag.${f}`)).join('; '),
    ]),
  );
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="item-statistics${filters.language ? `-${filters.language}` : ''}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
