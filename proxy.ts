import { NextResponse, type NextRequest } from 'next/server';
import { frameAncestors } from '@/lib/lti/server/frame-ancestors';
import { contentSecurityPolicy, newNonce } from '@/lib/server/csp';

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

// Pages an LMS may show in its frame: their CSP names the registered platforms.
const FRAMEABLE = /^\/(learn|lti|certificates)(\/|$)/;

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Next would fail with a 500 decoding a malformed %-escape in a dynamic segment: answer 400.
  if (!wellFormed(pathname)) return new NextResponse('Malformed address (bad %-encoding).', { status: 400 });
  if (PROTECTED.test(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return NextResponse.redirect(new URL('/signin', request.url));
  }
  // Every response gets a fresh script nonce: Next reads it from the request's CSP and puts it on its own scripts.
  const framed = FRAMEABLE.test(pathname);
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, frameAncestors: framed ? await frameAncestors() : "'self'", sameOriginForms: !framed, dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // All but static files and the prerendered /about, whose CSP (no inline script) is in next.config.js.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|about$).*)'],
};
