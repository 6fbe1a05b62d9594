import { getLocale, getTranslations } from 'next-intl/server';
import { getCurrentOperator } from '@/app/_lib/session';
import { GAIN_CSV_KEYS, gainCsv, getNationalGain } from '@/lib/confidence/report';
import { isTier } from '@/lib/content/tiers';
import { isLocale } from '@/lib/i18n/locales';

/** The national learning gain per module, aggregates only: operators only. */
export async function GET(request: Request) {
  if (!(await getCurrentOperator())) return new Response('Only platform operators may export the national learning gain.', { status: 404 });
  const tierParam = new URL(request.url).searchParams.get('tier');
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : 'en';
  const [t, gain] = await Promise.all([getTranslations('learningGain'), getNationalGain(isTier(tierParam) ? tierParam : null, locale)]);
  return new Response(
    gainCsv(
      gain.rows,
      GAIN_CSV_KEYS.map((k) => t(k)),
    ),
    {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="learning-gain-national.csv"',
        'cache-control': 'private, no-store',
      },
    },
  );
}
