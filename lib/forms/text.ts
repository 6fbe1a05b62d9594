import { z } from 'zod';

// Control characters (NUL above all, which PostgreSQL cannot store in text) never belong in a name or address.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Trimmed free text for forms: a length range and no control characters. Messages are `forms` keys. */
export function formText(min: number, max: number) {
  const base = z.string().trim().max(max, 'tooLong');
  return (min > 0 ? base.min(min, min === 1 ? 'required' : 'tooShort') : base).refine((v) => !CONTROL.test(v), 'invalidText');
}
