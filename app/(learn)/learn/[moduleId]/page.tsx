import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { listReadSections } from '@/db/queries/progress';
import { requireUser } from '@/lib/auth/session';
import { getModule } from '@/lib/content/catalog';
import type { Locale } from '@/lib/i18n/locales';
import { findModuleForTeacher } from '@/lib/learn/my-training';
import { ModuleKits } from './_components/module-kits';

type Props = { params: Promise<{ moduleId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const mod = getModule((await params).moduleId);
  return { title: mod?.lessons[(await getLocale()) as Locale].frontmatter.title };
}

export default async function ModulePage({ params }: Props) {
  const user = await requireUser();
  const mod = await findModuleForTeacher({ userId: user.id, schoolId: user.schoolId }, (await params).moduleId, user.tiers);
  // Another age group's module: readable, but not the teacher's to track.
  if (!mod) return getModule((await params).moduleId) ? redirect(`/read/${(await params).moduleId}`) : notFound();
  const [t, locale] = await Promise.all([getTranslations('learn'), getLocale() as Promise<Locale>]);
  const lesson = mod.lessons[locale];
  const read = new Set(await listReadSections({ userId: user.id, schoolId: user.schoolId }, mod.id));
  const firstUnread = lesson.sections.find((s) => !read.has(s.id)) ?? lesson.sections[0]!;
  return (
    <div>
      <p className="eyebrow">{t('tierHeading', { tier: mod.tier })}</p>
      <h1>{lesson.frontmatter.title}</h1>
      <p className="lead">{lesson.frontmatter.summary}</p>
      <p className="meta">{t('minutes', { minutes: mod.minutes })}</p>
      <h2>{t('sections')}</h2>
      <ol className="section-list">
        {lesson.sections.map((s) => (
          <li key={s.id} data-read={read.has(s.id)}>
            <Link href={`/learn/${mod.id}/${s.id}`}>{s.title}</Link>
            {read.has(s.id) && <span className="read-mark"> ✓ {t('read')}</span>}
          </li>
        ))}
      </ol>
      <p className="actions">
        <Link className="button primary" href={`/learn/${mod.id}/${firstUnread.id}`}>
          {read.size === 0 ? t('startReading') : t('continueReading')}
        </Link>
        <Link className="button" href={`/learn/${mod.id}/quiz`}>
          {t('goToQuiz')}
        </Link>
      </p>
      <ModuleKits moduleId={mod.id} locale={locale} />
    </div>
  );
}
