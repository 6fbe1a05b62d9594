import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { getOpenInvite } from '@/db/queries/invites';
import { hashToken } from '@/lib/admin/tokens';
import type { Locale } from '@/lib/i18n/locales';
import { AcceptInviteForm } from './_components/accept-invite-form';

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('join'))('inviteTitle') };
}

export default async function AcceptInvitePage({ params }: Props) {
  const { token } = await params;
  const [t, locale] = await Promise.all([getTranslations('join'), getLocale() as Promise<Locale>]);
  const invite = token.length < 100 ? await getOpenInvite(hashToken(token)) : undefined;
  return (
    <div className="narrow">
      <h1>{t('inviteTitle')}</h1>
      {invite ? (
        <>
          <p className="lead">{t('inviteIntro', { school: invite.schoolName[locale], email: invite.email })}</p>
          <AcceptInviteForm token={token} email={invite.email} />
        </>
      ) : (
        <p className="notice error" role="alert">
          {t('inviteInvalid')}
        </p>
      )}
    </div>
  );
}
