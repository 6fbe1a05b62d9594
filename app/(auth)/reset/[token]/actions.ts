'use server';

import { fieldErrors } from '@/lib/admin/form-errors';
import { resetPassword } from '@/lib/account/reset';
import { currentSessionId } from '@/lib/auth/session-id';
import { NewPasswordSchema, type NewPasswordResult } from './schema';

export async function setNewPassword(token: string, input: unknown): Promise<NewPasswordResult> {
  const parsed = NewPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  // This browser's own session (if it is the same person's) stays; every other session of the account ends.
  const result = await resetPassword(token, parsed.data.password, await currentSessionId());
  return result.ok ? { ok: true } : { ok: false, message: 'linkInvalid' };
}
