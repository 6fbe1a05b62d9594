import 'server-only';
import { getUserForSignIn } from '@/db/queries/users';
import { verifyPassword } from './password';
import { beginSignInTry, endSignInTry } from './throttle';

// Compared against for unknown users so timing does not reveal who has an account.
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.qOZ7c9Tq9u1Y7F3m9hJ3dZ8m0w6e';

export type PasswordCheck = { status: 'ok'; userId: string } | { status: 'invalid' } | { status: 'rate_limited'; retryAfterSeconds: number };

/** The e-mail and password sign-in, throttled per (account, client) and per client. */
export async function checkPassword(email: string, password: string, client: string | null): Promise<PasswordCheck> {
  const claim = await beginSignInTry(email, client);
  if (!claim.allowed) return { status: 'rate_limited', retryAfterSeconds: claim.retryAfterSeconds };
  const user = await getUserForSignIn(email);
  const ok = (await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)) && !!user?.passwordHash;
  await endSignInTry(email, client, ok);
  return ok && user ? { status: 'ok', userId: user.id } : { status: 'invalid' };
}
