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
const staticPageCsp = [{ key: 'Content-Security-Policy', value: "script-src 'self'; frame-ancestors 'self'; base-uri 'self'; object-src 'none'; form-action 'self'" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests build into their own folder so they never disturb a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'bcryptjs'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/((?!learn|lessons|admin|lti|certificates).*)', headers: notFramed },
      { source: '/about', headers: staticPageCsp },
    ];
  },
};

export default withNextIntl(nextConfig);
