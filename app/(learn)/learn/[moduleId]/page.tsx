import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { listReadSections } from '@/db/queries/progress';
import { requireUser } from '@/app/_lib/session';
import { confidencePhaseFor } from '@/lib/confidence/ask';
import { getModule } from '@/lib/content/catalog';
import { lessonPath } from '@/lib/learn/lesson-paths';
import { findModuleForTeacher } from '@/lib/learn/my-training';
import { ConfidenceForm } from './_components/confidence-form';
import { ConfidenceNotice } from './_components/confidence-notice';
import { ModuleKits } from './_components/module-kits';
import { getPageLocale } from '@/app/_lib/locale';

type Props = { params: Promise<{ moduleId: string }>; searchParams: Promise<{ confidence?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const mod = getModule((await params).moduleId);
  return { title: mod?.lessons[await getPageLocale()].frontmatter.title };
}

export default async function ModulePage({ params, searchParams }: Props) {
  const user = await requireUser();
  const mod = await findModuleForTeacher({ userId: user.id, schoolId: user.schoolId }, (await params).moduleId, user.tiers);
  // Another age group's module: readable, but not the teacher's to track.
  if (!mod) return getModule((await params).moduleId) ? redirect(`/read/${(await params).moduleId}`) : notFound();
  const [t, locale] = await Promise.all([getTranslations('learn'), getPageLocale()]);
  const lesson = mod.lessons[locale];
  const scope = { userId: user.id, schoolId: user.schoolId };
  const [readIds, phase, { confidence: notice }] = await Promise.all([listReadSections(scope, mod.id), confidencePhaseFor(scope, mod), searchParams]);
  const read = new Set(readIds);
  const firstUnread = lesson.sections.find((s) => !read.has(s.id)) ?? lesson.sections[0]!;
  return (
    <div>
      <p className="eyebrow">{t('tierHeading', { tier: mod.tier })}</p>
      <h1>{lesson.frontmatter.title}</h1>
      <p className="lead">{lesson.frontmatter.summary}</p>
      <p className="meta">{t('minutes', { minutes: mod.minutes })}</p>
      <ConfidenceNotice notice={notice} />
      {phase && <ConfidenceForm moduleId={mod.id} phase={phase} locale={locale} />}
      <h2>{t('sections')}</h2>
      <ol className="section-list">
        {lesson.sections.map((s) => (
          <li key={s.id} data-read={read.has(s.id)}>
            <a href={lessonPath(locale, mod.id, s.id)}>{s.title}</a>
            {read.has(s.id) && <span className="read-mark"> ✓ {t('read')}</span>}
          </li>
        ))}
      </ol>
      <p className="actions">
        <a className="button primary" href={lessonPath(locale, mod.id, firstUnread.id)}>
          {read.size === 0 ? t('startReading') : t('continueReading')}
        </a>
        <Link className="button" href={`/learn/${mod.id}/quiz`}>
          {t('goToQuiz')}
        </Link>
      </p>
      <ModuleKits moduleId={mod.id} locale={locale} />
    </div>
  );
}
