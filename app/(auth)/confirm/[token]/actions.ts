'use server';

import { redirect } from 'next/navigation';
import { confirmEmail } from '@/lib/account/confirm';
import { ConfirmSchema } from './schema';

/** A button, not the link itself, confirms: mail scanners that open links must not spend the token. */
export async function confirmAddress(data: FormData) {
  const parsed = ConfirmSchema.safeParse(Object.fromEntries(data));
  const ok = parsed.success && (await confirmEmail(parsed.data.token));
  redirect(ok ? '/signin?confirmed=1' : `/confirm/${parsed.success ? encodeURIComponent(parsed.data.token) : 'invalid'}?failed=1`);
}
