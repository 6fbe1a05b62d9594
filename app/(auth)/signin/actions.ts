'use server';

import { AuthError } from 'next-auth';
import { cookies } from 'next/headers';
import { signIn } from '@/auth';
import { getDefaultSchoolId } from '@/db/queries/sessions';
import { getUserContext, getUserForSignIn, recordUserLocale } from '@/db/queries/users';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locales';
import { SignInSchema, type SignInResult } from './schema';

export async function signInWithPassword(input: unknown): Promise<SignInResult> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [i.path[0], i.message]));
    return { ok: false, message: 'invalid', fieldErrors };
  }
  try {
    await signIn('credentials', { ...parsed.data, redirect: false });
  } catch (err) {
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code;
      return { ok: false, message: code === 'rate_limited' ? 'rateLimited' : code === 'unconfirmed' ? 'unconfirmed' : 'invalid' };
    }
    console.error('[signin] failed:', err);
    return { ok: false, message: 'failed' };
  }
  const user = await getUserForSignIn(parsed.data.email);
  const context = user ? await getUserContext(user.id, await getDefaultSchoolId(user.id)) : undefined;
  if (!user || (!context && !user.isOperator)) return { ok: false, message: 'noSchool' };
  // An explicit choice made before signing in wins and is remembered; otherwise the account's language applies.
  const jar = await cookies();
  const chosen = jar.get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) {
    if (chosen !== user.locale) await recordUserLocale(user.id, chosen);
  } else if (isLocale(user.locale)) {
    jar.set(LOCALE_COOKIE, user.locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  }
  return { ok: true, to: !context ? '/operator' : context.role === 'school_admin' ? '/admin' : '/learn' };
}
