import { getTranslations } from 'next-intl/server';
import { getLocale } from 'next-intl/server';
import { getSchoolIdBySlug } from '@/db/queries/operator';
import { getCurrentOperator, getCurrentUser } from '@/app/_lib/session';
import { schoolCompletionCsv } from '@/lib/completion/exports';
import { parseFilters } from '@/lib/completion/filters';
import { getSchoolCompletion } from '@/lib/completion/school';
import { isLocale } from '@/lib/i18n/locales';

const notFound = () => new Response('No such school, or you may not see it.', { status: 404 });

/** The per-teacher completion table: for the school's own admins and for operators. */
export async function GET(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const slug = (await params).school;
  const user = await getCurrentUser();
  let schoolId: string | undefined;
  if (user?.role === 'school_admin' && user.schoolSlug === slug) schoolId = user.schoolId;
  else if (await getCurrentOperator()) schoolId = await getSchoolIdBySlug(slug);
  else if (!user) return new Response('Sign in first.', { status: 401 });
  if (!schoolId) return notFound();

  const filters = parseFilters(Object.fromEntries(new URL(request.url).searchParams));
  const [summary, t, locale] = await Promise.all([getSchoolCompletion(schoolId, filters), getTranslations('admin'), getLocale()]);
  const csv = schoolCompletionCsv(summary, isLocale(locale) ? locale : 'en', {
    header: [t('teacher'), t('email'), t('tier'), t('module'), t('status'), t('score'), t('attempts'), t('dueDate'), t('completedAt')],
    status: {
      completed: t('statusOf.completed'),
      in_progress: t('statusOf.in_progress'),
      not_started: t('statusOf.not_started'),
      overdue: t('statusOf.overdue'),
    },
  });
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="completion-${slug}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
