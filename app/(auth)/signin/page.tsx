import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/session';
import { SignInForm } from './_components/sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signin'))('title') };
}

type Props = { searchParams: Promise<{ joined?: string; email?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect('/');
  const [t, h, { joined, email }] = await Promise.all([getTranslations('signin'), getTranslations('signinHelp'), searchParams]);
  // After accepting an invitation: the account exists, so say so and keep the address typed.
  const joinedEmail = joined === '1' && typeof email === 'string' && email.length <= 254 ? email : '';
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      {joined === '1' ? (
        <p className="notice success" role="status">
          {h('joined')}
        </p>
      ) : (
        <p className="lead">{t('intro')}</p>
      )}
      <SignInForm defaultEmail={joinedEmail} />
      <ul className="signin-links">
        <li>
          <Link href="/join">{h('join')}</Link>
        </li>
        <li>
          <a href="/about">{h('about')}</a>
        </li>
      </ul>
    </div>
  );
}
