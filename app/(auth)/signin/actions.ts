'use server';

import { AuthError } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn } from '@/auth';
import { getDefaultSchoolId } from '@/db/queries/sessions';
import { getUserContext, getUserForSignIn, recordUserLocale } from '@/db/queries/users';
import { fieldErrors } from '@/lib/admin/form-errors';
import { formString, isEnhanced } from '@/lib/forms/enhanced';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locales';
import { SignInSchema, type SignInState } from './schema';

type Failure = Extract<SignInState, { ok: false }>;

async function attempt(email: string, password: string): Promise<Failure | { ok: true; to: string }> {
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (err) {
    if (err instanceof AuthError) {
      const { code, retryAfterSeconds } = err as AuthError & { code?: string; retryAfterSeconds?: number };
      if (code === 'rate_limited') return { ok: false, message: 'rateLimited', retryAfterSeconds };
      return { ok: false, message: code === 'unconfirmed' ? 'unconfirmed' : 'invalid' };
    }
    console.error('[signin] failed:', err);
    return { ok: false, message: 'failed' };
  }
  const user = await getUserForSignIn(email);
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

/** The sign-in form's action: posted by the hydrated page and, before hydration or without script, by the browser. */
export async function signInWithPassword(_previous: SignInState, data: FormData): Promise<SignInState> {
  const email = formString(data, 'email').slice(0, 254);
  const parsed = SignInSchema.safeParse({ email, password: formString(data, 'password') });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error), email };
  const result = await attempt(parsed.data.email, parsed.data.password);
  if (!result.ok) return { ...result, email };
  // A page with script loads the next page itself, so the header, language and session all start fresh.
  if (isEnhanced(data)) return result;
  redirect(result.to);
}
