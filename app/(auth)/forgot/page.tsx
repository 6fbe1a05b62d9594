import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ForgotForm } from './_components/forgot-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forgot'))('title') };
}

export default async function ForgotPage() {
  const t = await getTranslations('forgot');
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <ForgotForm />
      <p>
        <Link href="/signin">{t('backToSignIn')}</Link>
      </p>
    </div>
  );
}
