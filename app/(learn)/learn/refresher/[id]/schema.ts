import { z } from 'zod';

const KEY = /^q:([a-z0-9-]{1,80})$/;
const OptionId = z.string().regex(/^[a-z0-9-]{1,80}$/);

/** The form posts `q:<question>` = option, once per picked option; anything else is dropped. */
export function answersFromForm(formData: FormData): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of formData.entries()) {
    const m = KEY.exec(key);
    const opt = OptionId.safeParse(value);
    if (!m || !opt.success) continue;
    (out[m[1]!] ??= []).push(opt.data);
  }
  return out;
}
