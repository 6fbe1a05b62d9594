import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getAccount } from '@/db/queries/account';
import { requireSignedIn } from '@/app/_lib/session';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { PasswordForm } from './_components/password-form';
import { SettingsForm } from './_components/settings-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AccountPage() {
  const userId = await requireSignedIn();
  const [t, account, uiLocale] = await Promise.all([getTranslations('account'), getAccount(userId), getLocale()]);
  if (!account) notFound();
  const locale: Locale = isLocale(account.locale) ? account.locale : (uiLocale as Locale);
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      {account.email && <p className="lead">{t('signedInAs', { email: account.email })}</p>}
      <SettingsForm defaults={{ name: account.name, locale, notifyOptional: account.notifyOptional }} />
      {/* LMS accounts sign in through their LMS and have no password here. */}
      {account.passwordHash ? <PasswordForm /> : <p>{t('noPassword')}</p>}
    </div>
  );
}
