import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import type { WorksheetLabels } from './pdf';

export async function worksheetLabels(locale: Locale): Promise<WorksheetLabels> {
  const t = await getTranslations({ locale, namespace: 'kits' });
  return t.raw('pdf') as WorksheetLabels;
}
