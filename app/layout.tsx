import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from './_components/client-messages';
import { SiteHeader } from './_components/site-header';
// One stylesheet in three files, in this order (the cascade depends on it).
import './globals.css';
import './styles/learning.css';
import './styles/forms-and-dashboards.css';
import './styles/dashboard-matrix.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return { title: { default: t('appName'), template: `%s · ${t('appName')}` }, description: t('tagline') };
}

// Only what app/error.tsx needs travels from here; routes with client forms add their own
// namespaces (app/_components/client-messages.tsx), so a page ships no messages it cannot use.
const CLIENT_NAMESPACES = ['errors'];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('common')]);
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {t('skipToContent')}
        </a>
        <ClientMessages namespaces={CLIENT_NAMESPACES}>
          <SiteHeader />
          <main id="main">{children}</main>
        </ClientMessages>
        <footer className="site-footer">{t('footer')}</footer>
      </body>
    </html>
  );
}
