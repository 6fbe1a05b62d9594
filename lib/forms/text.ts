import { z } from 'zod';

// C0 and C1 control characters (NUL above all, which PostgreSQL cannot store in text), line and
// paragraph separators, and the bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069)
// that can make a name display as something else ("Trojan Source"). No single-line field needs them.
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

export function hasUnsafeText(value: string) {
  return UNSAFE.test(value);
}

/** Trimmed single-line free text for forms: a length range and no control or bidi-override characters. Messages are `forms` keys. */
export function formText(min: number, max: number) {
  const base = z.string().trim().max(max, 'tooLong');
  return (min > 0 ? base.min(min, min === 1 ? 'required' : 'tooShort') : base).refine((v) => !hasUnsafeText(v), 'invalidText');
}

/**
 * A name from outside (an LMS claim, a roster) made safe to store and show: control and bidi
 * characters removed, runs of white space made one space, cut to `max` characters without
 * splitting a surrogate pair. Null when nothing usable is left, so callers can fall back.
 */
export function cleanName(raw: unknown, max: number): string | null {
  if (typeof raw !== 'string') return null;
  const cleaned = raw.replace(UNSAFE_ALL, ' ').replace(/\s+/g, ' ').trim();
  const cut = Array.from(cleaned).slice(0, max).join('').trim();
  return cut === '' ? null : cut;
}
