import { getTranslations } from 'next-intl/server';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';

/** Plain links: the guide in another language is an address that can be shared and cached. */
export async function GuideLanguages({ path, current }: { path: string; current: Locale }) {
  const t = await getTranslations('respond');
  return (
    <nav className="guide-languages" aria-label={t('thisGuideIn')}>
      {LOCALES.map((l) => (
        <a key={l} href={`${path}?lang=${l}`} lang={l} hrefLang={l} aria-current={l === current ? 'page' : undefined}>
          {LOCALE_NAMES[l]}
        </a>
      ))}
    </nav>
  );
}
