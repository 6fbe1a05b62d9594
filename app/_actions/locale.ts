'use server';

import { cookies } from 'next/headers';
import { recordUserLocale } from '@/db/queries/users';
import { getCurrentUser } from '@/app/_lib/session';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locales';

/** Remembers the language in a cookie and, for a signed-in user, on their account. */
export async function chooseLocale(formData: FormData) {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  const user = await getCurrentUser();
  if (user) await recordUserLocale(user.id, locale);
}
