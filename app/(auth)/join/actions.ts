'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { acceptInvite, getOpenInvite, joinWithCode } from '@/db/queries/invites';
import { fieldErrors, formObject } from '@/lib/admin/form-errors';
import { hashToken, normalizeJoinCode } from '@/lib/admin/tokens';
import { ownerProof } from '@/lib/auth/credentials';
import { hashPassword } from '@/lib/auth/password';
import { formString, isEnhanced } from '@/lib/forms/enhanced';
import { queueJoinConfirmation } from '@/lib/account/confirm';
import { getPageLocale } from '@/app/_lib/locale';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locales';
import { publicOrigin } from '@/lib/server/origin';
import { clientAddress } from '@/lib/server/client-address';
import { AcceptInviteSchema, JoinSchema, type AccountFormState, type AcceptInviteValues, type JoinValues } from './schema';

// One answer whether the address was new, already had an account that the password proved, or
// had one it did not: the forms never tell whether an address has an account.
const JOINED = '/signin?joined=1';

async function chosenLocale() {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : null;
}

function joined(data: FormData): AccountFormState<never> {
  if (isEnhanced(data)) return { ok: true, to: JOINED };
  redirect(JOINED);
}

export async function acceptInviteAction(_previous: AccountFormState<AcceptInviteValues>, data: FormData): Promise<AccountFormState<AcceptInviteValues>> {
  const token = formString(data, 'token');
  const values = { name: formString(data, 'name').slice(0, 200) };
  const parsed = AcceptInviteSchema.safeParse({ name: values.name, password: formString(data, 'password') });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error), values };
  if (token.length >= 100) return { ok: false, message: 'inviteInvalid', values };
  const { name, password } = parsed.data;
  const open = await getOpenInvite(hashToken(token));
  if (!open) return { ok: false, message: 'inviteInvalid', values };
  const proof = ownerProof(open.email, password, clientAddress(await headers()));
  const result = await acceptInvite(hashToken(token), { name, passwordHash: await hashPassword(password), locale: await chosenLocale() }, proof);
  if (!result.ok && result.reason === 'invalid') return { ok: false, message: 'inviteInvalid', values };
  return joined(data);
}

export async function joinWithCodeAction(_previous: AccountFormState<JoinValues>, data: FormData): Promise<AccountFormState<JoinValues>> {
  const input = formObject(data, ['tiers']);
  const values = {
    code: formString(data, 'code').slice(0, 20),
    name: formString(data, 'name').slice(0, 200),
    email: formString(data, 'email').slice(0, 254),
    tiers: input.tiers as string[],
  };
  const parsed = JoinSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error), values };
  const { code, email, name, password, tiers } = parsed.data;
  const h = await headers();
  const proof = ownerProof(email, password, clientAddress(h));
  const locale = (await chosenLocale()) ?? (await getPageLocale());
  const origin = publicOrigin(h);
  // A new account is usable once the link in its confirmation mail is opened: it proves the address.
  const result = await joinWithCode(
    normalizeJoinCode(code),
    { email, name, tiers, passwordHash: await hashPassword(password), locale: await chosenLocale() },
    proof,
    (tx, joined) => queueJoinConfirmation(tx, { ...joined, email, name, locale, schoolName: joined.schoolName[locale], origin }),
  );
  if (!result.ok && result.reason === 'invalid') return { ok: false, fieldErrors: { code: 'joinCodeUnknown' }, values };
  return joined(data);
}
