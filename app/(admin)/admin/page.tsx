import type { Metadata } from 'next';
import { HeadlineFigures } from '@/app/_components/headline-figures';
import { headlineOf } from '@/lib/completion/headline';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireSchoolAdmin } from '@/lib/auth/session';
import { filtersQuery, parseFilters } from '@/lib/completion/filters';
import { getSchoolCompletion } from '@/lib/completion/school';
import type { Locale } from '@/lib/i18n/locales';
import { Filters } from './_components/filters';
import { ModuleTable } from './_components/module-table';
import { OverdueList } from './_components/overdue-list';
import { TeacherTable } from './_components/teacher-table';
import { TierTable } from './_components/tier-table';
import { TrendChart } from './_components/trend-chart';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function SchoolCompletionPage({ searchParams }: Props) {
  const admin = await requireSchoolAdmin();
  const filters = parseFilters(await searchParams);
  const [t, locale, summary] = await Promise.all([
    getTranslations('admin'),
    getLocale() as Promise<Locale>,
    getSchoolCompletion(admin.schoolId, filters),
  ]);
  return (
    <div>
      <p className="eyebrow">{admin.schoolName[locale]}</p>
      <h1>{t('title')}</h1>
      <Filters filters={filters} csvHref={`/api/schools/${admin.schoolSlug}/completion.csv${filtersQuery(filters)}`} />
      <HeadlineFigures figures={headlineOf(summary.byModule)} />
      <TierTable rows={summary.byTier} />
      <ModuleTable rows={summary.byModule} locale={locale} />
      <OverdueList summary={summary} locale={locale} />
      <TrendChart points={summary.overTime} />
      <TeacherTable rows={summary.byTeacher} modules={summary.byModule} locale={locale} />
    </div>
  );
}
