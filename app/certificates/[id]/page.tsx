import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCertificate } from '@/db/queries/certificates';
import { getTierCertificate } from '@/db/queries/tier-certificates';
import { CERTIFICATE_ID } from '@/lib/certificates/id';
import { getPageLocale } from '@/app/_lib/locale';
import { TierCertificateFacts } from './_components/tier-certificate-facts';
import { formatDateTime } from '@/lib/i18n/dates';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('certificate'))('verifyTitle') };
}

/** Public: shows exactly what the certificate shows, nothing more. */
export default async function VerifyCertificatePage({ params }: Props) {
  const id = (await params).id;
  // A number typed in lower case is still that number.
  if (id !== id.toUpperCase() && CERTIFICATE_ID.test(id.toUpperCase())) redirect(`/certificates/${id.toUpperCase()}`);
  const cert = CERTIFICATE_ID.test(id) ? await getCertificate(id) : undefined;
  const tierCert = !cert && CERTIFICATE_ID.test(id) ? await getTierCertificate(id) : undefined;
  if (!cert && !tierCert) notFound();
  const [t, locale] = await Promise.all([getTranslations('certificate'), getPageLocale()]);
  if (!cert) {
    return (
      <div className="narrow-wide">
        <p className="eyebrow">{t('verifyTitle')}</p>
        <h1>{t('valid')}</h1>
        <TierCertificateFacts cert={tierCert!} locale={locale} />
        <p>
          <a className="button" href={`/certificates/${id}/pdf?lang=${locale}`}>
            {t('downloadPdf')}
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow-wide">
      <p className="eyebrow">{t('verifyTitle')}</p>
      <h1>{t('valid')}</h1>
      <dl className="facts">
        <dt>{t('number')}</dt>
        <dd>{cert.id}</dd>
        <dt>{t('awardedTo')}</dt>
        <dd>{cert.teacherName}</dd>
        <dt>{t('school')}</dt>
        <dd>{cert.schoolName[locale]}</dd>
        <dt>{t('forCompleting')}</dt>
        <dd>{cert.moduleTitle[locale]}</dd>
        <dt>{t('tier')}</dt>
        <dd>{cert.tier}</dd>
        <dt>{t('score')}</dt>
        <dd>{cert.score}%</dd>
        <dt>{t('date')}</dt>
        <dd>{formatDateTime(cert.issuedAt, locale, { dateStyle: 'long' })}</dd>
      </dl>
      <p>
        <a className="button" href={`/certificates/${cert.id}/pdf?lang=${locale}`}>
          {t('downloadPdf')}
        </a>
      </p>
    </div>
  );
}
