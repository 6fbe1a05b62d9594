import { getFormatter, getTranslations } from 'next-intl/server';
import type { getTierCertificate } from '@/db/queries/tier-certificates';
import { studyHours } from '@/lib/certificates/tier-pdf';
import type { Locale } from '@/lib/i18n/locales';

type Props = { cert: NonNullable<Awaited<ReturnType<typeof getTierCertificate>>>; locale: Locale };

/** What a tier certificate shows, for its public check. */
export async function TierCertificateFacts({ cert, locale }: Props) {
  const [t, tc, format] = await Promise.all([getTranslations('certificate'), getTranslations('tierCertificate'), getFormatter()]);
  return (
    <dl className="facts">
      <dt>{t('number')}</dt>
      <dd>{cert.id}</dd>
      <dt>{t('awardedTo')}</dt>
      <dd>{cert.teacherName}</dd>
      <dt>{t('school')}</dt>
      <dd>{cert.schoolName[locale]}</dd>
      <dt>{tc('heading')}</dt>
      <dd>{cert.tier}</dd>
      <dt>{tc('modules')}</dt>
      <dd>
        <ol>
          {cert.moduleTitles.map((m, i) => (
            <li key={i}>{m[locale]}</li>
          ))}
        </ol>
      </dd>
      <dt>{tc('hours')}</dt>
      <dd>{studyHours(cert.minutes, locale)}</dd>
      <dt>{t('date')}</dt>
      <dd>{format.dateTime(cert.issuedAt, { dateStyle: 'long', timeZone: 'Asia/Almaty' })}</dd>
    </dl>
  );
}
