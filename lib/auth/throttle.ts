import 'server-only';
import { claimSignInTry, clearSignInTries, pruneSignInThrottle, refundSignInTry, type ThrottleRule } from '@/db/queries/throttle';

// Per account and client: 3 free tries, then 1 s, 2 s, 4 s … up to 15 minutes. Keyed by the client
// too, so an attacker elsewhere slows only themselves and never locks the owner out.
const ACCOUNT: ThrottleRule = { free: 3, maxDelaySeconds: 15 * 60, resetAfterSeconds: 24 * 60 * 60 };
// Per client across accounts (password spraying): looser, as a school's teachers share one address.
const CLIENT: ThrottleRule = { free: 30, maxDelaySeconds: 15 * 60, resetAfterSeconds: 15 * 60 };
const PRUNE_EVERY_MS = 60_000;
let lastPrune = 0;

function keys(email: string, client: string | null) {
  // Without the server edge (e.g. `next dev`) there is no client address: all such clients share one.
  const from = client ?? 'unknown';
  return { account: `account:${email.trim().toLowerCase()}|client:${from}`, client: `client:${from}` };
}

async function pruneNowAndThen() {
  if (Date.now() - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = Date.now();
  await pruneSignInThrottle();
}

export type TryClaim = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Reserves a try for this account from this client; call before the password is checked. */
export async function beginSignInTry(email: string, client: string | null): Promise<TryClaim> {
  await pruneNowAndThen();
  const k = keys(email, client);
  const byClient = await claimSignInTry(k.client, CLIENT);
  if (!byClient.allowed) return byClient;
  const byAccount = await claimSignInTry(k.account, ACCOUNT);
  if (byAccount.allowed) return { allowed: true };
  // Nothing was checked, so the client's reservation is given back.
  await refundSignInTry(k.client, CLIENT);
  return byAccount;
}

/** Settles a try begun with beginSignInTry: a failure stays counted, the right password ends the streak. */
export async function endSignInTry(email: string, client: string | null, succeeded: boolean) {
  if (!succeeded) return;
  const k = keys(email, client);
  await Promise.all([clearSignInTries(k.account), refundSignInTry(k.client, CLIENT)]);
}
