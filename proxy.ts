import { NextResponse, type NextRequest } from 'next/server';
import { frameAncestors } from '@/lib/lti/server/frame-ancestors';
import { publicOrigin } from '@/lib/server/origin';

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
    return NextResponse.redirect(new URL('/signin', publicOrigin(request)));
  }
  if (FRAMEABLE.test(pathname)) {
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', `frame-ancestors ${await frameAncestors()}; base-uri 'self'; object-src 'none'`);
    return response;
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/lti/:path*', '/learn/:path*', '/admin/:path*', '/operator/:path*', '/handouts/:path*', '/h/:path*', '/certificates/:path*', '/findings/:path*', '/api/:path*', '/join/:path*'],
};
