import { NextResponse } from 'next/server';
import { recordUserLocale } from '@/db/queries/users';
import { getCurrentUser } from '@/app/_lib/session';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locales';
import { localPath } from '@/lib/server/local-path';
import { publicOrigin } from '@/lib/server/origin';
import { isSameOriginRequest } from '@/lib/server/same-origin';

/** The language switcher of pages written as plain HTML (the quiz page): what chooseLocale does for the others, then back to the page. */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return NextResponse.json({ error: 'Cross-site requests are refused.' }, { status: 403 });
  const form = await request.formData().catch(() => null);
  const locale = form?.get('locale');
  const response = NextResponse.redirect(new URL(localPath(form?.get('next')), publicOrigin(request)), 303);
  if (!isLocale(locale)) return response;
  response.cookies.set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  const user = await getCurrentUser();
  if (user) await recordUserLocale(user.id, locale);
  return response;
}
