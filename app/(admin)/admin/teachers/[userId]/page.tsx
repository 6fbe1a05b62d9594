import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireSchoolAdmin } from '@/app/_lib/session';
import { getPageLocale } from '@/app/_lib/locale';
import { getTeacherCompletion } from '@/lib/completion/teacher';
import { TeacherModules } from '../../_components/teacher-modules';

type Props = { params: Promise<{ userId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

/** One teacher of the admin's own school, module by module; anyone else's id is simply not found. */
export default async function TeacherCompletionPage({ params }: Props) {
  const admin = await requireSchoolAdmin();
  const { userId } = await params;
  const [teacher, t, locale] = await Promise.all([getTeacherCompletion(admin.schoolId, userId), getTranslations('admin'), getPageLocale()]);
  if (!teacher) notFound();
  return (
    <div>
      <p className="eyebrow">{admin.schoolName[locale]}</p>
      <h1>{teacher.name}</h1>
      <p>
        {teacher.email && <>{teacher.email} · </>}
        {teacher.tiers.length > 0 ? t('teaches', { tiers: teacher.tiers.join(', ') }) : t('noTiers')}
        {' · '}
        {t('ofPercent', { done: teacher.tally.completed, total: teacher.tally.expected, percent: teacher.tally.percent })}
      </p>
      <TeacherModules teacher={teacher} locale={locale} />
      <p>
        <Link href="/admin#by-teacher">{t('backToDashboard')}</Link>
      </p>
    </div>
  );
}
