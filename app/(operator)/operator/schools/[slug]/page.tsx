import type { Metadata } from 'next';
import { HeadlineFigures } from '@/app/_components/headline-figures';
import { headlineOf } from '@/lib/completion/headline';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Filters } from '@/app/(admin)/admin/_components/filters';
import { ModuleTable } from '@/app/(admin)/admin/_components/module-table';
import { OverdueList } from '@/app/(admin)/admin/_components/overdue-list';
import { TeacherTable } from '@/app/(admin)/admin/_components/teacher-table';
import { TierTable } from '@/app/(admin)/admin/_components/tier-table';
import { listSchoolPeople } from '@/db/queries/people';
import { getSchoolProfile } from '@/db/queries/school-profile';
import { getSchoolIdBySlug, listRegions } from '@/db/queries/operator';
import { requireOperator } from '@/app/_lib/session';
import { filtersQuery, parseFilters } from '@/lib/completion/filters';
import { getSchoolCompletion } from '@/lib/completion/school';
import { getPageLocale } from '@/app/_lib/locale';
import { SchoolAdmins } from './_components/school-admins';
import { intlLocale } from '@/lib/i18n/dates';
import { saveSchoolPlacement } from '../../edit-actions';
import { NamesForm } from '../../_components/names-form';

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
  const [t, edit, locale, summary, profile, people, regions] = await Promise.all([
    getTranslations('admin'),
    getTranslations('operatorEdit'),
    getPageLocale(),
    getSchoolCompletion(schoolId, filters),
    getSchoolProfile(schoolId),
    listSchoolPeople(schoolId),
    listRegions(),
  ]);
  if (!profile) notFound();
  const collator = new Intl.Collator(intlLocale(locale));
  const regionOptions = regions.map((r) => ({ id: r.id, label: r.name[locale] })).sort((a, b) => collator.compare(a.label, b.label));
  return (
    <div>
      <p className="eyebrow">{profile.regionName?.[locale] ?? edit('noRegion')}</p>
      <h1>{profile.name[locale]}</h1>
      <p className="lead">{t('title')}</p>
      <Filters filters={filters} csvHref={`/api/schools/${slug}/completion.csv${filtersQuery(filters)}`} />
      <HeadlineFigures figures={headlineOf(summary.byModule)} />
      <TierTable rows={summary.byTier} />
      <ModuleTable rows={summary.byModule} locale={locale} />
      <OverdueList items={summary.overdue} total={summary.overdue.length} modules={summary.byModule} locale={locale} />
      <TeacherTable rows={summary.byTeacher} modules={summary.byModule} locale={locale} />
      <SchoolAdmins slug={slug} admins={people.filter((p) => p.role === 'school_admin')} result={typeof query.reset === 'string' ? query.reset : undefined} />
      <div className="two-col">
        <NamesForm
          heading={edit('editSchool')}
          defaults={{ nameKk: profile.name.kk, nameRu: profile.name.ru, nameEn: profile.name.en, regionId: profile.regionId ?? '' }}
          save={saveSchoolPlacement.bind(null, schoolId)}
          regions={regionOptions}
        />
      </div>
    </div>
  );
}
