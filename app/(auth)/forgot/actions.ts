'use server';

import { headers } from 'next/headers';

import { fieldErrors } from '@/lib/admin/form-errors';
import { requestPasswordReset } from '@/lib/account/reset';
import { publicOrigin } from '@/lib/server/origin';
import { ForgotSchema, type ForgotResult } from './schema';
import { getPageLocale } from '@/app/_lib/locale';

/** Always the same answer, whether or not the address has an account. */
export async function requestResetLink(input: unknown): Promise<ForgotResult> {
  const parsed = ForgotSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  await requestPasswordReset(parsed.data.email, publicOrigin(await headers()), await getPageLocale());
  return { ok: true };
}
