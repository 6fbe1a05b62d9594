import { NextResponse, type NextRequest } from 'next/server';
import { isLocale, LOCALE_OVERRIDE_HEADER } from '@/lib/i18n/locales';
import { frameAncestors } from '@/lib/lti/server/frame-ancestors';

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
function respondInLanguage(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.delete(LOCALE_OVERRIDE_HEADER);
  const lang = request.nextUrl.searchParams.get('lang');
  if (isLocale(lang)) headers.set(LOCALE_OVERRIDE_HEADER, lang);
  return NextResponse.next({ request: { headers } });
}

// Pages an LMS may show in its frame (every page a launch leads to): their CSP names the active platforms.
const FRAMEABLE = /^\/(learn|admin|lti|certificates)(\/|$)/;
const OWN_CSP = /^\/lti\/(register|login|launch)(\/|$)/;

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (RESPOND.test(pathname)) return respondInLanguage(request);
  // Next would fail with a 500 decoding a malformed %-escape in a dynamic segment: answer 400.
  if (!wellFormed(pathname)) return new NextResponse('Malformed address (bad %-encoding).', { status: 400 });
  if (PROTECTED.test(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return NextResponse.redirect(new URL('/signin', request.url));
  }
  // The registration page names its own frame ancestors: the LMS registering it (see its route);
  // the login and launch routes set their whole CSP themselves (withLaunchCsp).
  if (FRAMEABLE.test(pathname) && !OWN_CSP.test(pathname)) {
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', `frame-ancestors ${await frameAncestors()}; base-uri 'self'; object-src 'none'`);
    return response;
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/lti/:path*', '/learn/:path*', '/admin/:path*', '/operator/:path*', '/handouts/:path*', '/h/:path*', '/certificates/:path*', '/findings/:path*', '/api/:path*', '/join/:path*', '/respond', '/respond/:path*'],
};
