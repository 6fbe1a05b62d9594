import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Filters } from '@/app/(admin)/admin/_components/filters';
import { ModuleTable } from '@/app/(admin)/admin/_components/module-table';
import { OverdueList } from '@/app/(admin)/admin/_components/overdue-list';
import { TeacherTable } from '@/app/(admin)/admin/_components/teacher-table';
import { TierTable } from '@/app/(admin)/admin/_components/tier-table';
import { listSchoolPeople } from '@/db/queries/people';
import { getSchoolProfile } from '@/db/queries/school-profile';
import { getSchoolIdBySlug } from '@/db/queries/operator';
import { requireOperator } from '@/app/_lib/session';
import { filtersQuery, parseFilters } from '@/lib/completion/filters';
import { getSchoolCompletion } from '@/lib/completion/school';
import { getPageLocale } from '@/app/_lib/locale';
import { SchoolAdmins } from './_components/school-admins';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

/** The operator's drill-down into one school: the same view its admin has. */
export default async function OperatorSchoolPage({ params, searchParams }: Props) {
  await requireOperator();
  const { slug } = await params;
  const schoolId = await getSchoolIdBySlug(slug);
  if (!schoolId) notFound();
  const query = await searchParams;
  const filters = parseFilters(query);
  const [t, locale, summary, profile, people] = await Promise.all([
    getTranslations('admin'),
    getPageLocale(),
    getSchoolCompletion(schoolId, filters),
    getSchoolProfile(schoolId),
    listSchoolPeople(schoolId),
  ]);
  return (
    <div>
      <p className="eyebrow">{profile?.regionName?.[locale]}</p>
      <h1>{profile?.name[locale]}</h1>
      <p className="lead">{t('title')}</p>
      <Filters filters={filters} csvHref={`/api/schools/${slug}/completion.csv${filtersQuery(filters)}`} />
      <TierTable rows={summary.byTier} />
      <ModuleTable rows={summary.byModule} locale={locale} />
      <OverdueList summary={summary} locale={locale} />
      <TeacherTable rows={summary.byTeacher} modules={summary.byModule} locale={locale} />
      <SchoolAdmins slug={slug} admins={people.filter((p) => p.role === 'school_admin')} result={typeof query.reset === 'string' ? query.reset : undefined} />
    </div>
  );
}
