import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getModule } from '@/lib/content/catalog';
import { getPageLocale } from '@/app/_lib/locale';

type Props = { params: Promise<{ moduleId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getModule((await params).moduleId)?.lessons[await getPageLocale()].frontmatter.title };
}

/**
 * Any lesson, to read without signing in and without being tracked: a visitor's preview, and a
 * teacher's look at the modules of age groups they do not teach. No progress, no quiz.
 */
export default async function ReadModulePage({ params }: Props) {
  const mod = getModule((await params).moduleId);
  if (!mod) notFound();
  const [t, l, locale] = await Promise.all([getTranslations('reader'), getTranslations('learn'), getPageLocale()]);
  const lesson = mod.lessons[locale];
  return (
    <div className="narrow-wide">
      <p className="eyebrow">{l('tierHeading', { tier: mod.tier })}</p>
      <h1>{lesson.frontmatter.title}</h1>
      <p className="notice">{t('notTracked')}</p>
      <p className="lead">{lesson.frontmatter.summary}</p>
      <p className="meta">{l('minutes', { minutes: mod.minutes })}</p>
      <h2>{l('sections')}</h2>
      <ol className="section-list">
        {lesson.sections.map((s) => (
          <li key={s.id}>
            <Link href={`/read/${mod.id}/${s.id}`}>{s.title}</Link>
          </li>
        ))}
      </ol>
      <p className="actions">
        <Link className="button primary" href={`/read/${mod.id}/${lesson.sections[0]!.id}`}>
          {l('startReading')}
        </Link>
      </p>
    </div>
  );
}
