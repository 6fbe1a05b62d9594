import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { signOutNow } from '@/app/_actions/sign-out';
import { getCurrentOperator, getCurrentUser } from '@/app/_lib/session';
import { LanguageSwitcher } from './language-switcher';

export async function SiteHeader() {
  const [t, user] = await Promise.all([getTranslations('nav'), getCurrentUser()]);
  // Operators have no school membership; only ask when there is no school user.
  const operator = user ? null : await getCurrentOperator();
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        {t('brand')}
      </Link>
      {(user || operator) && (
        <nav aria-label={t('main')}>
          {user?.role === 'teacher' && (
            <>
              <Link href="/learn">{t('myTraining')}</Link>
              <Link href="/learn/kits">{t('kits')}</Link>
              <Link href="/learn/templates">{t('templates')}</Link>
            </>
          )}
          {user?.role === 'school_admin' && <Link href="/admin">{t('schoolCompletion')}</Link>}
          {operator && (
            <>
              <Link href="/operator">{t('operator')}</Link>
              <Link href="/operator/items">{t('items')}</Link>
            </>
          )}
        </nav>
      )}
      <div className="header-tools">
        <Link href="/respond" className="respond-link" prefetch={false}>
          {t('respond')}
        </Link>
        <LanguageSwitcher />
        {(user || operator) && <Link href="/account">{t('account')}</Link>}
        {(user || operator) && (
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
