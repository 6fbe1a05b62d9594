import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { KZ_TIME_ZONE } from './dates';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALE_OVERRIDE_HEADER, LOCALES, type Locale } from './locales';

/** The browser's first supported language, for visitors who have not chosen one. */
export function negotiateLocale(acceptLanguage: string | null): Locale {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().slice(0, 2);
    if ((LOCALES as readonly string[]).includes(tag)) return tag as Locale;
  }
  return DEFAULT_LOCALE;
}

export default getRequestConfig(async ({ locale: explicit }) => {
  // An explicit locale (handouts and certificates in a requested language) wins over the visitor's.
  const requestHeaders = await headers();
  const chosen = explicit ?? requestHeaders.get(LOCALE_OVERRIDE_HEADER) ?? (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : negotiateLocale(requestHeaders.get('accept-language'));
  // Any date next-intl formats (useFormatter) is shown in Kazakhstan time, not the server's zone.
  return { locale, timeZone: KZ_TIME_ZONE, messages: (await import(`../../messages/${locale}.json`)).default };
});
