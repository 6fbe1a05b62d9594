import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TemplateList } from '@/app/_components/template-list';
import { requireUser } from '@/app/_lib/session';
import { getPageLocale } from '@/app/_lib/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('templates'))('title') };
}

/** The same school templates for teachers, filled with their own school's profile. */
export default async function TeacherTemplatesPage() {
  const user = await requireUser();
  const [t, locale] = await Promise.all([getTranslations('templates'), getPageLocale()]);
  return (
    <div>
      <h1>{t('title')}</h1>
      <p className="lead">{t('teacherIntro')}</p>
      <TemplateList schoolSlug={user.schoolSlug} locale={locale} />
    </div>
  );
}
