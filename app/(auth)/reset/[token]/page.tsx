import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getUsableToken } from '@/db/queries/account-tokens';
import { hashToken } from '@/lib/admin/tokens';
import { isLinkToken } from '@/lib/account/links';
import { NewPasswordForm } from './_components/new-password-form';

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  // The token is in the address: never send it on as a Referer.
  return { title: (await getTranslations('forgot'))('resetTitle'), referrer: 'no-referrer' };
}

/** Showing the form uses nothing: the link is spent only when the new password is saved. */
export default async function ResetPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations('forgot');
  const usable = isLinkToken(token) ? await getUsableToken(hashToken(token), 'reset') : undefined;
  return (
    <div className="narrow">
      <h1>{t('resetTitle')}</h1>
      {usable ? (
        <>
          <p className="lead">{t('resetIntro', { email: usable.email ?? '' })}</p>
          <NewPasswordForm token={token} />
        </>
      ) : (
        <p className="notice error" role="alert">
          {t('linkInvalid')} <Link href="/forgot">{t('askAgain')}</Link>
        </p>
      )}
    </div>
  );
}
