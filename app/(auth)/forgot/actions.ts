'use server';

import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { fieldErrors } from '@/lib/admin/form-errors';
import { requestPasswordReset } from '@/lib/account/reset';
import type { Locale } from '@/lib/i18n/locales';
import { publicOrigin } from '@/lib/server/origin';
import { ForgotSchema, type ForgotResult } from './schema';

/** Always the same answer, whether or not the address has an account. */
export async function requestResetLink(input: unknown): Promise<ForgotResult> {
  const parsed = ForgotSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  await requestPasswordReset(parsed.data.email, publicOrigin(await headers()), (await getLocale()) as Locale);
  return { ok: true };
}
