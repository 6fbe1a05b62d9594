import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import type { HandoutLabels } from './types';

export async function handoutLabels(locale: Locale): Promise<HandoutLabels> {
  const t = await getTranslations({ locale, namespace: 'handout' });
  const keys = [
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
  return Object.fromEntries(keys.map((k) => [k, t(k)])) as HandoutLabels;
}
