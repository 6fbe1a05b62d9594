import 'server-only';
import { transaction } from '@/db';
import { getAccount } from '@/db/queries/account';
import { endOtherSessions, recordPasswordHash } from '@/db/queries/account-tokens';
import { hashPassword, verifyPassword } from '@/lib/auth/password';

/** A signed-in password change: the current password is checked, and every other session ends. */
export async function changePassword(userId: string, current: string, next: string, keepSessionId: string | null) {
  const account = await getAccount(userId);
  if (!account?.passwordHash || !(await verifyPassword(current, account.passwordHash))) return false;
  const passwordHash = await hashPassword(next);
  await transaction(async (tx) => {
    await recordPasswordHash(tx, userId, passwordHash);
    await endOtherSessions(tx, userId, keepSessionId);
  });
  return true;
}
