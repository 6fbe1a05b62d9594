import 'server-only';
import { getUserForSignIn } from '@/db/queries/users';
import { matchesStoredPassword } from './password';
import { beginSignInTry, endSignInTry } from './throttle';

export type PasswordCheck =
  { status: 'ok'; userId: string; emailConfirmed: boolean } | { status: 'invalid' } | { status: 'rate_limited'; retryAfterSeconds: number };

/** The e-mail and password sign-in, throttled per (account, client) and per client. */
export async function checkPassword(email: string, password: string, client: string | null): Promise<PasswordCheck> {
  const claim = await beginSignInTry(email, client);
  if (!claim.allowed) return { status: 'rate_limited', retryAfterSeconds: claim.retryAfterSeconds };
  const user = await getUserForSignIn(email);
  // Unknown users are compared against a dummy hash, so timing does not reveal who has an account.
  const ok = await matchesStoredPassword(password, user?.passwordHash);
  await endSignInTry(email, client, ok);
  return ok && user ? { status: 'ok', userId: user.id, emailConfirmed: user.emailConfirmed } : { status: 'invalid' };
}

/**
 * The password proof that joins an existing account to a school (join code, invite). The form
 * answers the same either way, but a school admin would see the account appear, so guesses are
 * throttled like sign-in; a throttled or absent account still spends a comparison's time.
 */
export function ownerProof(email: string, password: string, client: string | null) {
  return async (storedHash: string | null) => {
    if (!storedHash) return matchesStoredPassword(password, null);
    const claim = await beginSignInTry(email, client);
    if (!claim.allowed) return matchesStoredPassword(password, null);
    const ok = await matchesStoredPassword(password, storedHash);
    await endSignInTry(email, client, ok);
    return ok;
  };
}
