import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/app/_lib/session';
import { ForgetOfflineData } from './_components/forget-offline-data';
import { SignInForm } from './_components/sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signin'))('title') };
}

type Props = { searchParams: Promise<{ joined?: string | string[]; confirmed?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect('/');
  const [t, account, h, { joined, confirmed }] = await Promise.all([
    getTranslations('signin'),
    getTranslations('forgot'),
    getTranslations('signinHelp'),
    searchParams,
  ]);
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {confirmed && (
        <p className="notice success" role="status">
          {account('confirmed')}
        </p>
      )}
      <SignInForm notice={joined === '1' ? t('joined') : undefined} />
      <ul className="signin-links">
        <li>
          <Link href="/forgot">{account('forgotLink')}</Link>
        </li>
        <li>
          <Link href="/join">{h('join')}</Link>
        </li>
        <li>
          <Link href="/about">{h('about')}</Link>
        </li>
      </ul>
      <ForgetOfflineData />
    </div>
  );
}
