import { LOCALES, type Locale } from '@/db/vocabulary';

export { LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = 'kk';
export const LOCALE_COOKIE = 'NEXT_LOCALE';
/** Set by the proxy from the incident guide's `?lang=`; a client that sends it itself only changes its own page's language. */
export const LOCALE_OVERRIDE_HEADER = 'x-kko-locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Native names, shown in the switcher in their own language. */
export const LOCALE_NAMES: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
