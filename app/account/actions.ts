'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { recordAccountSettings } from '@/db/queries/account';
import { fieldErrors } from '@/lib/admin/form-errors';
import { changePassword } from '@/lib/account/password';
import { requireSignedIn } from '@/app/_lib/session';
import { currentSessionId } from '@/lib/auth/session-id';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { AccountSettingsSchema, ChangePasswordSchema, type AccountResult, type AccountSettingsValues, type ChangePasswordValues } from './schema';

export async function saveAccountSettings(input: unknown): Promise<AccountResult<AccountSettingsValues>> {
  const parsed = AccountSettingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const userId = await requireSignedIn();
  await recordAccountSettings(userId, parsed.data);
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  revalidatePath('/', 'layout');
  return { ok: true };
}

export async function changeOwnPassword(input: unknown): Promise<AccountResult<ChangePasswordValues>> {
  const parsed = ChangePasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const userId = await requireSignedIn();
  const changed = await changePassword(userId, parsed.data.current, parsed.data.password, await currentSessionId());
  return changed ? { ok: true } : { ok: false, fieldErrors: { current: 'currentPasswordWrong' } };
}
