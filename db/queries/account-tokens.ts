import 'server-only';
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { accountTokens, userSessions, users } from '@/db/schema';

export type TokenPurpose = 'reset' | 'confirm';

/** Stores a new one-time token; older unused tokens of the same purpose stop working (only the newest link counts). */
export async function insertAccountToken(tx: Tx, t: { userId: string; purpose: TokenPurpose; tokenHash: string; ttlSeconds: number }) {
  await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.userId, t.userId), eq(accountTokens.purpose, t.purpose), isNull(accountTokens.usedAt)));
  await tx.insert(accountTokens).values({
    userId: t.userId,
    purpose: t.purpose,
    tokenHash: t.tokenHash,
    expiresAt: sql`now() + make_interval(secs => ${t.ttlSeconds})`,
  });
}

/** Tokens of a purpose made for a user recently, used or not: the per-account rate limit. */
export async function countRecentTokens(tx: Tx, userId: string, purpose: TokenPurpose, windowSeconds: number) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.userId, userId),
        eq(accountTokens.purpose, purpose),
        sql`${accountTokens.createdAt} > now() - make_interval(secs => ${windowSeconds})`,
      ),
    );
  return row?.n ?? 0;
}

/** Whether a token would work now (for showing the form), without using it. */
export async function getUsableToken(tokenHash: string, purpose: TokenPurpose) {
  const db = await getDb();
  const [row] = await db
    .select({ userId: accountTokens.userId, email: users.email })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(
      and(eq(accountTokens.tokenHash, tokenHash), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, sql`now()`)),
    );
  return row;
}

/** Uses the token once: the row is locked and marked in the caller's transaction, so two clicks cannot both succeed. */
export async function takeAccountToken(tx: Tx, tokenHash: string, purpose: TokenPurpose) {
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(eq(accountTokens.tokenHash, tokenHash), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, sql`now()`)),
    )
    .returning({ userId: accountTokens.userId });
  return row?.userId ?? null;
}

export async function recordPasswordHash(tx: Tx, userId: string, passwordHash: string) {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function recordEmailConfirmed(tx: Tx, userId: string) {
  await tx.update(users).set({ emailConfirmed: true }).where(eq(users.id, userId));
}

/** Ends every session of the user but the one they are using (if any). */
export async function endOtherSessions(tx: Tx, userId: string, keepSessionId: string | null) {
  await tx.delete(userSessions).where(and(eq(userSessions.userId, userId), keepSessionId ? ne(userSessions.id, keepSessionId) : undefined));
}

/** Serializes link requests for one account, so concurrent requests cannot slip past the rate limit together. */
export async function lockUser(tx: Tx, userId: string) {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
}
