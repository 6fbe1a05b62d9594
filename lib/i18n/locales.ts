import { LOCALES, type Locale } from '@/db/vocabulary';

export { LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = 'kk';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Native names, shown in the switcher in their own language. */
export const LOCALE_NAMES: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
