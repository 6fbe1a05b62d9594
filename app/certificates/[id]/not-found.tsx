import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** A mistyped or unknown certificate number: say what was not found and what to check. */
export default async function CertificateNotFound() {
  const t = await getTranslations('missing');
  return (
    <div className="narrow-wide">
      <h1>{t('certificatePage.title')}</h1>
      <p>{t('certificatePage.text')}</p>
      <h2>{t('checkHeading')}</h2>
      <ul>
        <li>{t('certificate.check1')}</li>
        <li>{t('certificate.check2')}</li>
        <li>{t('certificate.check3')}</li>
      </ul>
      <p>
        <Link href="/">{t('home')}</Link>
      </p>
    </div>
  );
}
