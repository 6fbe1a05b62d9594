import { getLocale, getTranslations } from 'next-intl/server';
import { getSchoolIdBySlug } from '@/db/queries/operator';
import { getCurrentOperator, getCurrentUser } from '@/app/_lib/session';
import { GAIN_CSV_KEYS, gainCsv, getSchoolGain } from '@/lib/confidence/report';
import { isTier } from '@/lib/content/tiers';
import { isLocale } from '@/lib/i18n/locales';

/** The school's learning gain per module (no teacher named): for its own admins and for operators. */
export async function GET(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const slug = (await params).school;
  const user = await getCurrentUser();
  let schoolId: string | undefined;
  if (user?.role === 'school_admin' && user.schoolSlug === slug) schoolId = user.schoolId;
  else if (await getCurrentOperator()) schoolId = await getSchoolIdBySlug(slug);
  else if (!user) return new Response('Sign in first.', { status: 401 });
  if (!schoolId) return new Response('No such school, or you may not see it.', { status: 404 });
  const tierParam = new URL(request.url).searchParams.get('tier');
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : 'en';
  const [t, rows] = await Promise.all([getTranslations('learningGain'), getSchoolGain(schoolId, isTier(tierParam) ? tierParam : null, locale)]);
  return new Response(
    gainCsv(
      rows,
      GAIN_CSV_KEYS.map((k) => t(k)),
    ),
    {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="learning-gain-${slug}.csv"`,
        'cache-control': 'private, no-store',
      },
    },
  );
}
