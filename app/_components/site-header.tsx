import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { signOutNow } from '@/app/_actions/sign-out';
import { getCurrentUser } from '@/lib/auth/session';
import { LanguageSwitcher } from './language-switcher';

export async function SiteHeader() {
  const [t, user] = await Promise.all([getTranslations('nav'), getCurrentUser()]);
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        {t('brand')}
      </Link>
      {user && (
        <nav aria-label={t('main')}>
          <Link href="/learn">{t('myTraining')}</Link>
          {user.role === 'school_admin' && <Link href="/admin">{t('schoolCompletion')}</Link>}
        </nav>
      )}
      <div className="header-tools">
        <LanguageSwitcher />
        {user && (
          <form action={signOutNow}>
            <button type="submit" className="link-button">
              {t('signOut')}
            </button>
          </form>
        )}
      </div>
    </header>
  );
}
