import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { listGuides } from '@/lib/respond/guide';
import { EmergencyLine } from './_components/emergency-line';
import { GuideLanguages } from './_components/guide-languages';
import './respond.css';
import { getPageLocale } from '@/app/_lib/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('respond'))('title') };
}

/** Public, no sign-in: the same page for every visitor in a language, so it can be cached for offline use. */
export default async function RespondPage() {
  const [t, locale] = await Promise.all([getTranslations('respond'), getPageLocale()]);
  return (
    <div className="respond">
      <GuideLanguages path="/respond" current={locale} />
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <EmergencyLine />
      <h2>{t('chooseHeading')}</h2>
      <ul className="situations">
        {listGuides(locale).map((g) => (
          <li key={g.id}>
            <a href={`/respond/${g.id}?lang=${locale}`} className="situation-card">
              <strong>{g.title}</strong>
              <span>{g.summary}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
