import { NextResponse, type NextRequest } from 'next/server';

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

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Next would fail with a 500 decoding a malformed %-escape in a dynamic segment: answer 400.
  if (!wellFormed(pathname)) return new NextResponse('Malformed address (bad %-encoding).', { status: 400 });
  if (PROTECTED.test(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return NextResponse.redirect(new URL('/signin', request.url));
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/learn/:path*', '/admin/:path*', '/operator/:path*', '/handouts/:path*', '/h/:path*', '/certificates/:path*', '/findings/:path*', '/api/:path*', '/join/:path*'],
};
