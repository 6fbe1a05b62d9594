import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireSchoolAdmin } from '@/lib/auth/session';
import { getSchoolCompletion } from '@/lib/completion/school';
import type { Locale } from '@/lib/i18n/locales';
import { ModuleTable } from './_components/module-table';
import { TeacherTable } from './_components/teacher-table';
import { TierTable } from './_components/tier-table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function SchoolCompletionPage() {
  const admin = await requireSchoolAdmin();
  const [t, locale, summary] = await Promise.all([
    getTranslations('admin'),
    getLocale() as Promise<Locale>,
    getSchoolCompletion(admin.schoolId),
  ]);
  return (
    <div>
      <p className="eyebrow">{admin.schoolName[locale]}</p>
      <h1>{t('title')}</h1>
      <TierTable rows={summary.byTier} />
      <ModuleTable rows={summary.byModule} locale={locale} />
      <TeacherTable rows={summary.byTeacher} modules={summary.byModule} locale={locale} />
    </div>
  );
}
