import 'server-only';
import type { Locale } from '@/lib/i18n/locales';
import en from '@/messages/en.json';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import type { HandoutLabels } from './types';

const KEYS = [
  'helplineTitle',
  'helplineText',
  'schoolContact',
  'counsellor',
  'phone',
  'email',
  'address',
  'print',
  'language',
  'sources',
  'scan',
  'source',
] as const;
const messages = { kk, ru, en };

/** Read from the message files, not next-intl's request scope: the pre-render job has no request. */
export async function handoutLabels(locale: Locale): Promise<HandoutLabels> {
  const handout = messages[locale].handout;
  return Object.fromEntries(KEYS.map((k) => [k, handout[k]])) as HandoutLabels;
}
