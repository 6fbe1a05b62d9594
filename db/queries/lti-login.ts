import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { ltiLoginState, ltiNonceUsed } from '@/db/schema';

export type LoginStateRow = typeof ltiLoginState.$inferInsert;

export async function recordLoginState(login: LoginStateRow) {
  const db = await getDb();
  await db.insert(ltiLoginState).values(login);
  // Expired logins are garbage: clear them as we go.
  await db.delete(ltiLoginState).where(lte(ltiLoginState.expiresAt, sql`now() - interval '1 hour'`));
}

/** Removes and returns the login state: it works once. */
export async function takeLoginState(state: string) {
  const db = await getDb();
  const [row] = await db.delete(ltiLoginState).where(eq(ltiLoginState.state, state)).returning();
  return row ?? null;
}

/** True the first time a nonce is seen (an expired record of it is cleared first). */
export async function recordNonce(nonce: string, expiresAt: Date) {
  const db = await getDb();
  await db.delete(ltiNonceUsed).where(and(eq(ltiNonceUsed.nonce, nonce), lte(ltiNonceUsed.expiresAt, sql`now()`)));
  const inserted = await db.insert(ltiNonceUsed).values({ nonce, expiresAt }).onConflictDoNothing().returning({ nonce: ltiNonceUsed.nonce });
  return inserted.length === 1;
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
