import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/session';
import { ForgetOfflineData } from './_components/forget-offline-data';
import { SignInForm } from './_components/sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signin'))('title') };
}

type Props = { searchParams: Promise<{ joined?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect('/');
  const [t, { joined }] = await Promise.all([getTranslations('signin'), searchParams]);
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <SignInForm notice={joined === '1' ? t('joined') : undefined} />
      <ForgetOfflineData />
    </div>
  );
}
