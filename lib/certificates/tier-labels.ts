import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import type { TierCertificateLabels } from './tier-pdf';

export async function tierCertificateLabels(locale: Locale): Promise<TierCertificateLabels> {
  const t = await getTranslations({ locale, namespace: 'tierCertificate' });
  const c = await getTranslations({ locale, namespace: 'certificate' });
  return {
    heading: t('heading'),
    awardedTo: c('awardedTo'),
    forCompleting: t('forCompleting'),
    modules: t('modules'),
    hours: t('hours'),
    date: c('date'),
    number: c('number'),
    verify: c('verify'),
    evidence: c('evidence'),
  };
}
