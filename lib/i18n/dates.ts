import type { Locale } from './locales';

/** Every date and time the app shows is Kazakhstan time (UTC+5 across the country since March 2024). */
export const KZ_TIME_ZONE = 'Asia/Almaty';

const INTL_LOCALE: Record<Locale, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

export function intlLocale(locale: Locale) {
  return INTL_LOCALE[locale];
}

/**
 * A timestamp from the database as a Date. Raw SQL through PGlite returns timestamptz as text in
 * PostgreSQL's own form ("2026-11-29 02:31:57.839+00"), which not every parser accepts.
 */
export function toDate(value: Date | string | number): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'number') return toDate(new Date(value));
  const iso = value
    .trim()
    .replace(' ', 'T')
    .replace(/([+-]\d{2})$/, '$1:00');
  return toDate(new Date(iso));
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (a dashboard formats
// dozens of dates per request), and a formatter holds no per-request state: one per options.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(locale: Locale, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale(locale), options);
    formatters.set(key, formatter);
  }
  return formatter;
}

type DateTimeStyle = { dateStyle?: 'long' | 'medium' | 'short'; timeStyle?: 'short' };

/** A moment (completion, audit entry, roll-up) in Kazakhstan time, in the page's language; '' for no valid time. */
export function formatDateTime(
  value: Date | string | number | null | undefined,
  locale: Locale,
  style: DateTimeStyle = { dateStyle: 'medium', timeStyle: 'short' },
) {
  const date = value === null || value === undefined ? null : toDate(value);
  if (!date) return '';
  return formatterOf(locale, { ...style, timeZone: KZ_TIME_ZONE }).format(date);
}

/**
 * A calendar day stored as YYYY-MM-DD (a due date): it is already a day in Kazakhstan, so it is
 * formatted as that day, never shifted by a time zone. Anything else is returned unchanged.
 */
export function formatDay(day: string | null | undefined, locale: Locale, dateStyle: 'long' | 'medium' = 'medium') {
  if (!day) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.getUTCDate() !== Number(m[3])) return day;
  return formatterOf(locale, { dateStyle, timeZone: 'UTC' }).format(date);
}
