import { getLocale, getTranslations } from 'next-intl/server';
import { chooseLocale } from '@/app/_actions/locale';
import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';

/** A plain form: switching language works without client JavaScript. */
export async function LanguageSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('nav')]);
  return (
    <form action={chooseLocale} className="lang-switch" aria-label={t('language')}>
      {LOCALES.map((l) => (
        <button key={l} type="submit" name="locale" value={l} lang={l} aria-pressed={l === locale}>
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </form>
  );
}
