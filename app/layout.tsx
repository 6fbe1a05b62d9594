import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
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

// Only the namespaces client components use travel to the browser; server components read the rest on the server.
const CLIENT_NAMESPACES = [
  'signin',
  'forms',
  'people',
  'peopleImport',
  'join',
  'assignments',
  'profile',
  'operator',
  'operatorEdit',
  'lms',
  'lmsDeployments',
  'errors',
  'forgot',
  'account',
  'outbox',
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, messages] = await Promise.all([getLocale(), getTranslations('common'), getMessages()]);
  const clientMessages = Object.fromEntries(Object.entries(messages).filter(([ns]) => CLIENT_NAMESPACES.includes(ns)));
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {t('skipToContent')}
        </a>
        <NextIntlClientProvider messages={clientMessages}>
          <SiteHeader />
          <main id="main">{children}</main>
        </NextIntlClientProvider>
        <footer className="site-footer">{t('footer')}</footer>
      </body>
    </html>
  );
}
