import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { signInThrottle } from '@/db/schema';

/**
 * How one throttle key slows down: `free` tries without delay, then 1 s, 2 s, 4 s … up to
 * `maxDelaySeconds` between tries. The count starts again `resetAfterSeconds` after a streak began.
 */
export type ThrottleRule = { free: number; maxDelaySeconds: number; resetAfterSeconds: number };

export type ThrottleClaim = { allowed: true; tries: number } | { allowed: false; retryAfterSeconds: number };

function delaySeconds(tries: ReturnType<typeof sql>, rule: ThrottleRule) {
  // The exponent is capped so power() cannot overflow on a long attack.
  return sql`case when ${tries} >= ${rule.free} then least(power(2, least(${tries} - ${rule.free}, 30)), ${rule.maxDelaySeconds}) else 0 end`;
}

/**
 * Claims one try for `key` before the password is checked, counting it as a failure until
 * the caller clears or refunds it. One upsert that only succeeds while the key's delay is over,
 * so parallel tries queue on the row and each sees the others' count: a burst cannot check
 * more passwords than the rule lets through.
 */
export async function claimSignInTry(key: string, rule: ThrottleRule): Promise<ThrottleClaim> {
  const db = await getDb();
  const stale = sql`${signInThrottle.windowStart} <= now() - make_interval(secs => ${rule.resetAfterSeconds})`;
  const tries = sql`case when ${stale} then 1 else ${signInThrottle.failures} + 1 end`;
  const [claimed] = await db
    .insert(signInThrottle)
    .values({ key, windowStart: sql`now()`, failures: 1, nextAllowedAt: sql`now() + make_interval(secs => ${delaySeconds(sql`1`, rule)})` })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: tries,
        windowStart: sql`case when ${stale} then now() else ${signInThrottle.windowStart} end`,
        nextAllowedAt: sql`now() + make_interval(secs => ${delaySeconds(tries, rule)})`,
      },
      // Below `free` no delay was set, so the try is allowed whatever the timestamps say: a parallel
      // try whose transaction began a moment before the last claim's now() would see
      // next_allowed_at in its future and be refused for nothing.
      setWhere: sql`${stale} or ${signInThrottle.failures} < ${rule.free} or ${signInThrottle.nextAllowedAt} <= now()`,
    })
    .returning({ tries: signInThrottle.failures });
  if (claimed) return { allowed: true, tries: claimed.tries };
  const [row] = await db
    .select({ wait: sql<number>`greatest(ceil(extract(epoch from ${signInThrottle.nextAllowedAt} - now())), 1)::int` })
    .from(signInThrottle)
    .where(eq(signInThrottle.key, key));
  return { allowed: false, retryAfterSeconds: row?.wait ?? 1 };
}

/** The right password: this key's streak is over. */
export async function clearSignInTries(key: string) {
  const db = await getDb();
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

/** A claimed try that turned out not to be a failure (right password, or not checked at all). */
export async function refundSignInTry(key: string, rule: ThrottleRule) {
  const db = await getDb();
  const tries = sql`greatest(${signInThrottle.failures} - 1, 0)`;
  await db
    .update(signInThrottle)
    .set({ failures: tries, nextAllowedAt: sql`least(${signInThrottle.nextAllowedAt}, now() + make_interval(secs => ${delaySeconds(tries, rule)}))` })
    .where(eq(signInThrottle.key, key));
}

/** Forgets keys whose last delay ended more than `olderThanSeconds` ago. */
export async function pruneSignInThrottle(olderThanSeconds = 24 * 60 * 60) {
  const db = await getDb();
  const gone = await db
    .delete(signInThrottle)
    .where(
      sql`${signInThrottle.nextAllowedAt} < now() - make_interval(secs => ${olderThanSeconds}) and ${signInThrottle.windowStart} < now() - make_interval(secs => ${olderThanSeconds})`,
    )
    .returning({ key: signInThrottle.key });
  return gone.length;
}
