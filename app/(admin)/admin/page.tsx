import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LearningGainTable } from '@/app/_components/learning-gain-table';
import { requireSchoolAdmin } from '@/app/_lib/session';
import { getSchoolGain } from '@/lib/confidence/report';
import { HeadlineFigures } from '@/app/_components/headline-figures';
import { headlineOf } from '@/lib/completion/headline';
import { getSchoolDashboard } from '@/lib/completion/dashboard';
import { filtersQuery, parseFilters } from '@/lib/completion/filters';
import { parsePage } from '@/lib/completion/pages';
import { Filters } from './_components/filters';
import { KeptUpToDate } from './_components/kept-up-to-date';
import { ModuleTable } from './_components/module-table';
import { OverdueList } from './_components/overdue-list';
import { Pagination } from './_components/pagination';
import { TeacherMatrix } from './_components/teacher-matrix';
import { TierTable } from './_components/tier-table';
import { TrendChart } from './_components/trend-chart';
import { getPageLocale } from '@/app/_lib/locale';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Overdue modules listed by name on the dashboard; the rest are one click away (the matrix filtered to overdue). */
const OVERDUE_SHOWN = 20;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function SchoolCompletionPage({ searchParams }: Props) {
  const admin = await requireSchoolAdmin();
  const params = await searchParams;
  const filters = parseFilters(params);
  const locale = await getPageLocale();
  const [t, dash, gain] = await Promise.all([
    getTranslations('admin'),
    getSchoolDashboard(admin.schoolId, filters, { page: parsePage(params.page), overdueLimit: OVERDUE_SHOWN }),
    getSchoolGain(admin.schoolId, filters.tier ?? null, locale),
  ]);
  const { teachers } = dash;
  const hrefOf = (page: number) => `/admin${filtersQuery(filters, page)}#by-teacher`;
  return (
    <div>
      <p className="eyebrow">{admin.schoolName[locale]}</p>
      <h1>{t('title')}</h1>
      <Filters filters={filters} csvHref={`/api/schools/${admin.schoolSlug}/completion.csv${filtersQuery(filters)}`} />
      <HeadlineFigures figures={headlineOf(dash.byModule)} />
      <TierTable rows={dash.byTier} />
      <ModuleTable rows={dash.byModule} locale={locale} />
      <OverdueList
        items={dash.overdue}
        total={dash.overdueTotal}
        modules={dash.byModule}
        locale={locale}
        moreHref={`/admin${filtersQuery({ ...filters, status: 'overdue' })}#by-teacher`}
      />
      <TrendChart points={dash.overTime} />
      <TeacherMatrix rows={teachers.rows} modules={dash.byModule} locale={locale} page={teachers.page} pages={teachers.pages} />
      <Pagination page={teachers.page} pages={teachers.pages} first={teachers.first} shown={teachers.rows.length} total={teachers.total} hrefOf={hrefOf} />
      <KeptUpToDate schoolId={admin.schoolId} locale={locale} />
      <LearningGainTable rows={gain} csvHref={`/api/schools/${admin.schoolSlug}/learning-gain.csv${filters.tier ? `?tier=${filters.tier}` : ''}`} />
    </div>
  );
}
