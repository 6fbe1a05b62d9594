import 'server-only';
import { and, asc, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { ltiToolKeys } from '@/db/schema';

export async function listToolKeys() {
  const db = await getDb();
  return db.select().from(ltiToolKeys).orderBy(asc(ltiToolKeys.createdAt));
}

export async function recordToolKey(key: { kid: string; privateJwk: Record<string, unknown>; publicJwk: Record<string, unknown> }) {
  const db = await getDb();
  await db.insert(ltiToolKeys).values(key).onConflictDoNothing();
}

/** Retires every key but the newest; retired keys stay published for a grace period (see lib/lti/tool-keys). */
export async function retireOlderToolKeys(currentKid: string) {
  const db = await getDb();
  await db
    .update(ltiToolKeys)
    .set({ retiredAt: sql`now()` })
    .where(and(isNull(ltiToolKeys.retiredAt), sql`${ltiToolKeys.kid} <> ${currentKid}`));
}
