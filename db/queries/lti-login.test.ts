import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { createTestDatabase } from '@/db/test-db';
import { ltiNonceUsed } from '@/db/schema';
import { recordLoginState, recordNonce, takeLoginState } from './lti-login';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.dispose());

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000);

describe('LTI nonces', () => {
  it('accepts a nonce once, refuses it while its token lives, and forgets it once expired', async () => {
    expect(await recordNonce('n-1', inMinutes(5))).toBe(true);
    expect(await recordNonce('n-1', inMinutes(5))).toBe(false);
    // Parallel replays (two processes): exactly one wins.
    const raced = await Promise.all(Array.from({ length: 6 }, () => recordNonce('n-2', inMinutes(5))));
    expect(raced.filter(Boolean)).toHaveLength(1);
    await (
      await getDb()
    )
      .update(ltiNonceUsed)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(sql`${ltiNonceUsed.nonce} = 'n-1'`);
    expect(await recordNonce('n-1', inMinutes(5))).toBe(true);
    expect(await recordNonce('n-1', inMinutes(5))).toBe(false);
  });
});

describe('LTI login state', () => {
  it('is taken once, from any process', async () => {
    await recordLoginState({ state: 's-1', nonce: 'n', issuer: 'https://lms', clientId: 'c', targetLinkUri: 'https://tool/learn', expiresAt: inMinutes(5) });
    const [a, b] = await Promise.all([takeLoginState('s-1'), takeLoginState('s-1')]);
    expect([a?.nonce, b?.nonce].filter(Boolean)).toEqual(['n']);
    expect(await takeLoginState('s-1')).toBeNull();
  });
});
