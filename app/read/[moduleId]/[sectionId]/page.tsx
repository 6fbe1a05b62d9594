import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SectionBody } from '@/app/_components/lesson/section-body';
import { getModule } from '@/lib/content/catalog';
import { getPageLocale } from '@/app/_lib/locale';

type Props = { params: Promise<{ moduleId: string; sectionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { moduleId, sectionId } = await params;
  return { title: getModule(moduleId)?.lessons[await getPageLocale()].sections.find((s) => s.id === sectionId)?.title };
}

/** One section of a lesson, read-only: nothing is recorded. */
export default async function ReadSectionPage({ params }: Props) {
  const { moduleId, sectionId } = await params;
  const mod = getModule(moduleId);
  const [t, l, locale] = await Promise.all([getTranslations('reader'), getTranslations('learn'), getPageLocale()]);
  const lesson = mod?.lessons[locale];
  const index = lesson?.sections.findIndex((s) => s.id === sectionId) ?? -1;
  if (!mod || !lesson || index < 0) notFound();
  const section = lesson.sections[index]!;
  const next = lesson.sections[index + 1];
  return (
    <div className="lesson">
      <nav aria-label={l('sections')} className="lesson-nav">
        <Link href={`/read/${mod.id}`}>{lesson.frontmatter.title}</Link>
        <ol>
          {lesson.sections.map((s) => (
            <li key={s.id} aria-current={s.id === sectionId ? 'page' : undefined}>
              <Link href={`/read/${mod.id}/${s.id}`}>{s.title}</Link>
            </li>
          ))}
        </ol>
      </nav>
      <article>
        <p className="eyebrow">{l('sectionOf', { n: index + 1, total: lesson.sections.length })}</p>
        <h1>{section.title}</h1>
        <p className="notice">{t('notTracked')}</p>
        <SectionBody mod={mod} locale={locale} sectionId={section.id} />
        <p className="actions">
          {next ? (
            <Link className="button primary" href={`/read/${mod.id}/${next.id}`}>
              {t('next', { title: next.title })}
            </Link>
          ) : (
            <Link className="button" href="/">
              {t('done')}
            </Link>
          )}
        </p>
      </article>
    </div>
  );
}
