import { NextResponse, type NextRequest } from 'next/server';

// An early redirect only: every protected page, action and query checks the session again.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn) return NextResponse.redirect(new URL('/signin', request.url));
  return NextResponse.next();
}

export const config = { matcher: ['/learn/:path*', '/admin/:path*', '/operator/:path*'] };
