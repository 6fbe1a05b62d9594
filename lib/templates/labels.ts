import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import type { TemplateLabels } from './pdf';

export async function templateLabels(locale: Locale): Promise<TemplateLabels> {
  const t = await getTranslations({ locale, namespace: 'templates' });
  return t.raw('pdf') as TemplateLabels;
}
