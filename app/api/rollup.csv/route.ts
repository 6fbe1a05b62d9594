import { getLocale, getTranslations } from 'next-intl/server';
import { getCurrentOperator } from '@/app/_lib/session';
import { isTier } from '@/lib/content/tiers';
import { toCsv } from '@/lib/completion/csv';
import { getRollup } from '@/lib/completion/rollup';
import { isLocale } from '@/lib/i18n/locales';

/** Completion per school with its region, for operators only. */
export async function GET(request: Request) {
  if (!(await getCurrentOperator())) return new Response('Only platform operators may export the roll-up.', { status: 404 });
  const tierParam = new URL(request.url).searchParams.get('tier');
  const tier = isTier(tierParam) ? tierParam : null;
  const [rollup, t, rawLocale] = await Promise.all([getRollup(tier), getTranslations('operator'), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : 'en';
  const csv = toCsv(
    [t('region'), t('school'), t('slug'), t('teachers'), t('expected'), t('completed'), '%'],
    rollup.schools.map((s) => [s.region_name?.[locale] ?? '', s.name[locale], s.slug, s.teachers, s.expected, s.completed, s.percent]),
  );
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="completion-by-school${tier ? `-${tier}` : ''}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
