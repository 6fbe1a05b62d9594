import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forgot'))('confirmSentTitle') };
}

/** Where joining by code ends: the account waits for its confirmation link. */
export default async function ConfirmSentPage() {
  const t = await getTranslations('forgot');
  return (
    <div className="narrow">
      <h1>{t('confirmSentTitle')}</h1>
      <p className="lead" role="status">
        {t('confirmSent')}
      </p>
      <p>{t('confirmNoMail')}</p>
    </div>
  );
}
