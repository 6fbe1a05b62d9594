import 'server-only';
import { lt, sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { ltiBindLinks, ltiLoginState, ltiNonceUsed, ltiTickets, signInThrottle, userSessions } from '@/db/schema';

/** Unfinished LMS logins kept at most: beyond this, new logins are refused rather than grow the table. */
export const LOGIN_STATE_LIMIT = 100_000;

export type PruneCounts = Record<'loginStates' | 'nonces' | 'tickets' | 'sessions' | 'bindLinks' | 'throttle', number>;

/**
 * Deletes the rows that anonymous or short-lived traffic leaves behind once they can no
 * longer matter: expired LMS logins, nonces past their token's expiry, tickets, sessions and
 * bind links; sign-in throttle keys whose window and delay ended a day ago.
 */
export async function pruneExpiredRows(): Promise<PruneCounts> {
  const db = await getDb();
  const now = sql`now()`;
  const count = async (q: Promise<unknown[]>) => (await q).length;
  return {
    loginStates: await count(db.delete(ltiLoginState).where(lt(ltiLoginState.expiresAt, now)).returning({ k: ltiLoginState.state })),
    nonces: await count(db.delete(ltiNonceUsed).where(lt(ltiNonceUsed.expiresAt, now)).returning({ k: ltiNonceUsed.nonce })),
    tickets: await count(db.delete(ltiTickets).where(lt(ltiTickets.expiresAt, now)).returning({ k: ltiTickets.ticketHash })),
    sessions: await count(db.delete(userSessions).where(lt(userSessions.expiresAt, now)).returning({ k: userSessions.id })),
    bindLinks: await count(db.delete(ltiBindLinks).where(lt(ltiBindLinks.expiresAt, now)).returning({ k: ltiBindLinks.tokenHash })),
    throttle: await count(
      db
        .delete(signInThrottle)
        .where(sql`${signInThrottle.windowStart} < now() - interval '1 day' and ${signInThrottle.nextAllowedAt} < now() - interval '1 day'`)
        .returning({ k: signInThrottle.key }),
    ),
  };
}

/** True when the unfinished LMS logins reach the limit; counts at most limit + 1 rows, so it stays cheap. */
export async function isLoginStateFull(limit = LOGIN_STATE_LIMIT) {
  const [row] = await queryRows<{ n: number }>(sql`select count(*)::int as n from (select 1 from ${ltiLoginState} limit ${limit}) capped`);
  return (row?.n ?? 0) >= limit;
}
