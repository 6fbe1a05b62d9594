import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SectionBody } from '@/app/_components/lesson/section-body';
import { listReadSections } from '@/db/queries/progress';
import { requireUser } from '@/app/_lib/session';
import { getModule } from '@/lib/content/catalog';
import { findModuleForTeacher } from '@/lib/learn/my-training';
import { markSectionReadAndContinue } from '../actions';
import { getPageLocale } from '@/app/_lib/locale';

type Props = { params: Promise<{ moduleId: string; sectionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { moduleId, sectionId } = await params;
  const lesson = getModule(moduleId)?.lessons[await getPageLocale()];
  return { title: lesson?.sections.find((s) => s.id === sectionId)?.title };
}

export default async function SectionPage({ params }: Props) {
  const { moduleId, sectionId } = await params;
  const user = await requireUser();
  const mod = await findModuleForTeacher({ userId: user.id, schoolId: user.schoolId }, moduleId, user.tiers);
  if (!mod && getModule(moduleId)?.lessons.en.sections.some((s) => s.id === sectionId)) redirect(`/read/${moduleId}/${sectionId}`);
  const [t, locale] = await Promise.all([getTranslations('learn'), getPageLocale()]);
  const lesson = mod?.lessons[locale];
  const index = lesson?.sections.findIndex((s) => s.id === sectionId) ?? -1;
  if (!mod || !lesson || index < 0) notFound();
  const section = lesson.sections[index]!;
  const read = new Set(await listReadSections({ userId: user.id, schoolId: user.schoolId }, mod.id));
  const isLast = index === lesson.sections.length - 1;
  return (
    <div className="lesson">
      <nav aria-label={t('sections')} className="lesson-nav">
        <Link href={`/learn/${mod.id}`}>{lesson.frontmatter.title}</Link>
        <ol>
          {lesson.sections.map((s) => (
            <li key={s.id} aria-current={s.id === sectionId ? 'page' : undefined}>
              <Link href={`/learn/${mod.id}/${s.id}`}>{s.title}</Link>
              {read.has(s.id) && (
                <span className="read-mark" aria-label={t('read')}>
                  {' '}
                  ✓
                </span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <article>
        <p className="eyebrow">{t('sectionOf', { n: index + 1, total: lesson.sections.length })}</p>
        <h1>{section.title}</h1>
        <SectionBody mod={mod} locale={locale} sectionId={section.id} />
        <form action={markSectionReadAndContinue.bind(null, mod.id, section.id)} className="actions">
          <button type="submit" className="button primary">
            {isLast ? t('markReadAndQuiz') : t('markReadAndNext')}
          </button>
        </form>
      </article>
    </div>
  );
}
