import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import type { CertificateLabels } from './pdf';

export async function certificateLabels(locale: Locale): Promise<CertificateLabels> {
  const t = await getTranslations({ locale, namespace: 'certificate' });
  return {
    heading: t('heading'),
    awardedTo: t('awardedTo'),
    forCompleting: t('forCompleting'),
    tier: t('tier'),
    score: t('score'),
    date: t('date'),
    number: t('number'),
    verify: t('verify'),
    evidence: t('evidence'),
  };
}
