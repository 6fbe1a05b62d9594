import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { signInThrottle } from '@/db/schema';

/** Failures counted in the current window for this key (0 when none or the window is over). */
export async function getSignInFailures(key: string, windowSeconds: number) {
  const db = await getDb();
  const [row] = await db
    .select({ failures: signInThrottle.failures })
    .from(signInThrottle)
    .where(sql`${signInThrottle.key} = ${key} and ${signInThrottle.windowStart} > now() - make_interval(secs => ${windowSeconds})`);
  return row?.failures ?? 0;
}

/** One atomic upsert, so concurrent failed sign-ins are all counted. */
export async function recordSignInFailure(key: string, windowSeconds: number) {
  const db = await getDb();
  await db
    .insert(signInThrottle)
    .values({ key, windowStart: sql`now()`, failures: 1 })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: sql`case when ${signInThrottle.windowStart} > now() - make_interval(secs => ${windowSeconds}) then ${signInThrottle.failures} + 1 else 1 end`,
        windowStart: sql`case when ${signInThrottle.windowStart} > now() - make_interval(secs => ${windowSeconds}) then ${signInThrottle.windowStart} else now() end`,
      },
    });
}

export async function clearSignInFailures(key: string) {
  const db = await getDb();
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}
