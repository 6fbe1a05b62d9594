'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { confirmEmail } from '@/lib/account/confirm';

const ConfirmSchema = z.object({ token: z.string().max(100) });

/** A button, not the link itself, confirms: mail scanners that open links must not spend the token. */
export async function confirmAddress(data: FormData) {
  const parsed = ConfirmSchema.safeParse(Object.fromEntries(data));
  const ok = parsed.success && (await confirmEmail(parsed.data.token));
  redirect(ok ? '/signin?confirmed=1' : `/confirm/${parsed.success ? encodeURIComponent(parsed.data.token) : 'invalid'}?failed=1`);
}
