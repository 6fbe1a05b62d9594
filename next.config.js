import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];
// Everywhere but the pages an LMS frames (proxy.ts sets their CSP with the registered platforms).
const notFramed = [{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }];
// proxy.ts gives every other response a CSP with a fresh script nonce. The prerendered /about stays
// static without the proxy: it has no script, so its own files are all it may run.
const staticPageCsp = [
  { key: 'Content-Security-Policy', value: "script-src 'self'; frame-ancestors 'self'; base-uri 'self'; object-src 'none'; form-action 'self'" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests build into their own folder so they never disturb a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // piscina starts its worker threads from its own files, which a bundle would not carry.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'bcryptjs', 'piscina'],
  // Teacher imports upload a file through a server action; lib/people-import caps it at 5 MB with a clear message.
  experimental: { serverActions: { bodySizeLimit: '6mb' } },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/((?!learn|lessons|admin|lti|certificates).*)', headers: notFramed },
      // The same address answers in the visitor's language, so a shared cache must keep the variants apart.
      { source: '/about', headers: [...staticPageCsp, { key: 'Vary', value: 'Cookie, Accept-Language' }] },
      { source: '/about/:lang(kk|ru|en)', headers: staticPageCsp },
    ];
  },
  // /about is prerendered once per language; the router picks one without running the proxy, so
  // it stays a static page: ?lang= first, then the visitor's language cookie, then the browser's
  // first language. Otherwise /about itself answers, in the default language (Kazakh).
  async rewrites() {
    const byQuery = (lang) => ({ source: '/about', has: [{ type: 'query', key: 'lang', value: lang }], destination: `/about/${lang}` });
    const byCookie = (lang) => ({ source: '/about', has: [{ type: 'cookie', key: 'NEXT_LOCALE', value: lang }], destination: `/about/${lang}` });
    const byBrowser = (lang) => ({
      source: '/about',
      has: [{ type: 'header', key: 'accept-language', value: `^\\s*${lang}(?:[-_;,].*)?$` }],
      destination: `/about/${lang}`,
    });
    const langs = ['kk', 'ru', 'en'];
    return { beforeFiles: [...langs.map(byQuery), ...langs.map(byCookie), ...langs.map(byBrowser)] };
  },
};

export default withNextIntl(nextConfig);
