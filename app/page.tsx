import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentOperator, getCurrentUser } from '@/app/_lib/session';
import { getTranslations } from 'next-intl/server';
import { HandoutPreview } from '@/app/_components/landing/handout-preview';
import { getCatalog } from '@/lib/content/catalog';
import { getPageLocale } from '@/app/_lib/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('landing'))('title') };
}

/** Signed in: straight to one's work. Anyone else: what KKO Teach is, for whom, and a look inside. */
export default async function Home() {
  const user = await getCurrentUser();
  if (user) redirect(user.role === 'school_admin' ? '/admin' : '/learn');
  if (await getCurrentOperator()) redirect('/operator');
  const [t, locale] = await Promise.all([getTranslations('landing'), getPageLocale()]);
  const sample = getCatalog().find((m) => m.tier === '9-10');
  return (
    <div className="landing">
      <h1>{t('title')}</h1>
      <p className="lead">{t('what')}</p>
      <p className="actions">
        <Link className="button primary" href="/signin">
          {t('signIn')}
        </Link>
        <Link className="button" href="/join">
          {t('join')}
        </Link>
      </p>
      <section aria-labelledby="for-whom">
        <h2 id="for-whom">{t('forWhom')}</h2>
        <ul className="who">
          <li>
            <strong>{t('teachers')}</strong> {t('teachersText')}
          </li>
          <li>
            <strong>{t('admins')}</strong> {t('adminsText')}
          </li>
          <li>
            <strong>{t('parents')}</strong> {t('parentsText')}
          </li>
        </ul>
      </section>
      {sample && (
        <section aria-labelledby="lesson-preview" className="preview">
          <h2 id="lesson-preview">{t('lessonHeading')}</h2>
          <p>
            <strong>{sample.lessons[locale].frontmatter.title}</strong> · {t('minutes', { minutes: sample.minutes })}
          </p>
          <p>{sample.lessons[locale].frontmatter.summary}</p>
          <p>
            <Link className="button" href={`/read/${sample.id}`}>
              {t('readLesson')}
            </Link>
          </p>
        </section>
      )}
      <HandoutPreview locale={locale} />
      <section aria-labelledby="help-now">
        <h2 id="help-now">{t('helpHeading')}</h2>
        <p>
          {t('helpText')} <Link href={`/respond?lang=${locale}`}>{t('respond')}</Link>
        </p>
        <p>
          <Link href="/about">{t('about')}</Link>
        </p>
      </section>
    </div>
  );
}
