import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { ltiLoginState, ltiNonceUsed } from '@/db/schema';

export type LoginStateRow = typeof ltiLoginState.$inferInsert;

/** Expired logins are removed by the `retention.prune` job, not on every login (one statement per login, not two). */
export async function recordLoginState(login: LoginStateRow) {
  const db = await getDb();
  await db.insert(ltiLoginState).values(login);
}

/** Removes and returns the login state: it works once. */
export async function takeLoginState(state: string) {
  const db = await getDb();
  const [row] = await db.delete(ltiLoginState).where(eq(ltiLoginState.state, state)).returning();
  return row ?? null;
}

/** True the first time a nonce is seen; an expired record of it counts as unseen. One statement. */
export async function recordNonce(nonce: string, expiresAt: Date) {
  const db = await getDb();
  const recorded = await db
    .insert(ltiNonceUsed)
    .values({ nonce, expiresAt })
    .onConflictDoUpdate({ target: ltiNonceUsed.nonce, set: { expiresAt }, setWhere: lte(ltiNonceUsed.expiresAt, sql`now()`) })
    .returning({ nonce: ltiNonceUsed.nonce });
  return recorded.length === 1;
}

/** The login a state names, without using it up: the cookie-less launch page needs its platform. */
export async function peekLoginState(state: string) {
  const db = await getDb();
  const [row] = await db
    .select({ issuer: ltiLoginState.issuer, clientId: ltiLoginState.clientId })
    .from(ltiLoginState)
    .where(and(eq(ltiLoginState.state, state), sql`${ltiLoginState.expiresAt} > now()`));
  return row ?? null;
}
