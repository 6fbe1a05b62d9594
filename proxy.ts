import { NextResponse, type NextRequest } from 'next/server';
import { isLocale, LOCALE_OVERRIDE_HEADER } from '@/lib/i18n/locales';
import { frameAncestors } from '@/lib/lti/server/frame-ancestors';
import { contentSecurityPolicy, newNonce } from '@/lib/server/csp';
import { publicOrigin } from '@/lib/server/origin';
import { env, isDevelopment } from '@/env';

// An early redirect only: every protected page, action and query checks the session again.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const PROTECTED = /^\/(learn|admin|operator)(\/|$)/;

function wellFormed(path: string) {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

// The public incident guide: `?lang=` picks the language for this request only (a shared link
// opens in its language without changing the visitor's own choice); otherwise the usual choice applies.
const RESPOND = /^\/respond(\/|$)/;

// Pages an LMS may show in its frame (every page a launch leads to): their CSP names the active platforms.
const FRAMEABLE = /^\/(learn|lessons|admin|lti|certificates)(\/|$)/;
const OWN_CSP = /^\/lti\/(login|launch)(\/|$)/;
const LESSONS = /^\/lessons\//;

/**
 * Who may frame the page. The dynamic-registration page is shown by the LMS registering it,
 * before it is registered: its openid configuration's origin, and no one else.
 */
async function framers(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname === '/lti/register') {
    try {
      const u = new URL(searchParams.get('openid_configuration') ?? '');
      if (u.protocol === 'https:' || (env().LTI_ALLOW_LOOPBACK_HTTP && u.protocol === 'http:')) return `'self' ${u.origin}`;
    } catch {
      // no usable configuration address: only this site
    }
    return "'self'";
  }
  return FRAMEABLE.test(pathname) ? frameAncestors() : "'self'";
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Next would fail with a 500 decoding a malformed %-escape in a dynamic segment: answer 400.
  if (!wellFormed(pathname)) return new NextResponse('Malformed address (bad %-encoding).', { status: 400 });
  if (PROTECTED.test(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return NextResponse.redirect(new URL('/signin', publicOrigin(request)));
  }
  // The login and launch routes (and the platform-storage step) set their whole CSP themselves (withLaunchCsp).
  if (OWN_CSP.test(pathname)) return NextResponse.next();
  // Prerendered lessons carry no nonce (their one script is a file of this site); an LMS may still frame them.
  if (LESSONS.test(pathname)) {
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', contentSecurityPolicy({ nonce: null, frameAncestors: await frameAncestors(), sameOriginForms: true }));
    return response;
  }
  // Every response gets a fresh script nonce: Next reads it from the request's CSP and puts it on its own scripts.
  const nonce = newNonce();
  const csp = contentSecurityPolicy({
    nonce,
    frameAncestors: await framers(request),
    sameOriginForms: !FRAMEABLE.test(pathname),
    dev: isDevelopment(),
  });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  headers.delete(LOCALE_OVERRIDE_HEADER);
  const lang = request.nextUrl.searchParams.get('lang');
  if (RESPOND.test(pathname) && isLocale(lang)) headers.set(LOCALE_OVERRIDE_HEADER, lang);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // All but static files and the prerendered /about pages, whose CSP (no inline script) is in next.config.js.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|about$|about/kk$|about/ru$|about/en$).*)'],
};
