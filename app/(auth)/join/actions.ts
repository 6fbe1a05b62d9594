'use server';

import { cookies, headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { acceptInvite, joinWithCode } from '@/db/queries/invites';
import { fieldErrors } from '@/lib/admin/form-errors';
import { hashToken, normalizeJoinCode } from '@/lib/admin/tokens';
import { queueJoinConfirmation } from '@/lib/account/confirm';
import { hashPassword } from '@/lib/auth/password';
import { isLocale, LOCALE_COOKIE, type Locale } from '@/lib/i18n/locales';
import { publicOrigin } from '@/lib/server/origin';
import { AcceptInviteSchema, JoinSchema, type AccountFormResult, type AcceptInviteValues, type JoinValues } from './schema';

async function chosenLocale() {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : null;
}

export async function acceptInviteAction(token: string, input: unknown): Promise<AccountFormResult<AcceptInviteValues>> {
  const parsed = AcceptInviteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const result = await acceptInvite(hashToken(token), { name: parsed.data.name, passwordHash: await hashPassword(parsed.data.password), locale: await chosenLocale() });
  if (!result.ok) return { ok: false, message: result.reason === 'exists' ? 'emailTaken' : 'inviteInvalid' };
  return { ok: true, to: '/' };
}

export async function joinWithCodeAction(input: unknown): Promise<AccountFormResult<JoinValues>> {
  const parsed = JoinSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const { code, email, name, password, tiers } = parsed.data;
  const locale = (await chosenLocale()) ?? ((await getLocale()) as Locale);
  const origin = publicOrigin(await headers());
  const account = { email, name, tiers, passwordHash: await hashPassword(password), locale: await chosenLocale() };
  // The account is usable once the link in the confirmation mail is opened: it proves the address.
  const result = await joinWithCode(normalizeJoinCode(code), account, (tx, joined) =>
    queueJoinConfirmation(tx, { ...joined, email, name, locale, schoolName: joined.schoolName[locale], origin }),
  );
  if (!result.ok) return result.reason === 'exists' ? { ok: false, fieldErrors: { email: 'emailTaken' } } : { ok: false, fieldErrors: { code: 'joinCodeUnknown' } };
  return { ok: true, to: '/confirm' };
}
