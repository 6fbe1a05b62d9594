import { NextResponse } from 'next/server';
import { signOut } from '@/auth';
import { publicOrigin } from '@/lib/server/origin';
import { isSameOriginRequest } from '@/lib/server/same-origin';

/** Sign-out for pages written as plain HTML (the quiz page); the others use the signOutNow action. */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return NextResponse.json({ error: 'Cross-site requests are refused.' }, { status: 403 });
  await signOut({ redirect: false });
  return NextResponse.redirect(new URL('/signin', publicOrigin(request)), 303);
}
