import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { TemplateList } from '@/app/_components/template-list';
import { requireUser } from '@/lib/auth/session';
import type { Locale } from '@/lib/i18n/locales';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('templates'))('title') };
}

/** The same school templates for teachers, filled with their own school's profile. */
export default async function TeacherTemplatesPage() {
  const user = await requireUser();
  const [t, locale] = await Promise.all([getTranslations('templates'), getLocale() as Promise<Locale>]);
  return (
    <div>
      <h1>{t('title')}</h1>
      <p className="lead">{t('teacherIntro')}</p>
      <TemplateList schoolSlug={user.schoolSlug} locale={locale} />
    </div>
  );
}
