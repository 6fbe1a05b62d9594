import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getUsableToken } from '@/db/queries/account-tokens';
import { hashToken } from '@/lib/admin/tokens';
import { isLinkToken } from '@/lib/account/links';
import { confirmAddress } from './actions';

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forgot'))('confirmTitle'), referrer: 'no-referrer' };
}

export default async function ConfirmPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations('forgot');
  const usable = isLinkToken(token) ? await getUsableToken(hashToken(token), 'confirm') : undefined;
  return (
    <div className="narrow">
      <h1>{t('confirmTitle')}</h1>
      {usable ? (
        <form action={confirmAddress} className="form">
          <p className="lead">{t('confirmIntro', { email: usable.email ?? '' })}</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button primary">
            {t('confirmButton')}
          </button>
        </form>
      ) : (
        <p className="notice error" role="alert">
          {t('confirmInvalid')}
        </p>
      )}
    </div>
  );
}
