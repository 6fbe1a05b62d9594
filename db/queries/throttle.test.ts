import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { createTestDatabase } from '@/db/test-db';
import { signInThrottle, users } from '@/db/schema';
import { checkPassword, ownerProof } from '@/lib/auth/credentials';
import { hashPassword } from '@/lib/auth/password';
import { claimSignInTry, clearSignInTries, pruneSignInThrottle, refundSignInTry, type ThrottleRule } from './throttle';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const RULE: ThrottleRule = { free: 5, maxDelaySeconds: 900, resetAfterSeconds: 86_400 };
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  db = await createTestDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  await (await getDb()).insert(users).values([
    { email: 'victim@school.kz', name: 'Victim', passwordHash },
    { email: 'operator@school.kz', name: 'Operator', passwordHash, isOperator: true },
  ]);
});
afterAll(() => db.dispose());

async function row(key: string) {
  const [r] = await (
    await getDb()
  )
    .select({ failures: signInThrottle.failures, wait: sql<number>`extract(epoch from ${signInThrottle.nextAllowedAt} - now())::float` })
    .from(signInThrottle)
    .where(sql`${signInThrottle.key} = ${key}`);
  return r;
}

describe('claimSignInTry', () => {
  it('lets a burst of 25 parallel tries through only as far as the rule allows', async () => {
    const claims = await Promise.all(Array.from({ length: 25 }, () => claimSignInTry('k:burst', RULE)));
    expect(claims.filter((c) => c.allowed)).toHaveLength(5);
    const refused = claims.filter((c) => !c.allowed);
    expect(refused.every((c) => !c.allowed && c.retryAfterSeconds >= 1)).toBe(true);
  });

  it('never refuses parallel tries within the free ones (one school behind one address, many sign-ins at once)', async () => {
    // Each round: four tries at once, then given back (right passwords). Never more than 4 < 5 counted.
    for (let round = 0; round < 40; round++) {
      const claims = await Promise.all(Array.from({ length: 4 }, () => claimSignInTry('k:school-nat', RULE)));
      expect(
        claims.filter((c) => !c.allowed),
        `round ${round}`,
      ).toEqual([]);
      await Promise.all(claims.map(() => refundSignInTry('k:school-nat', RULE)));
    }
  });

  it('doubles the delay after the free tries and caps it', async () => {
    const rule: ThrottleRule = { free: 2, maxDelaySeconds: 8, resetAfterSeconds: 86_400 };
    const key = 'k:progressive';
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      // Move the delay out of the way so every try is claimed, and record the delay it set.
      await (
        await getDb()
      )
        .update(signInThrottle)
        .set({ nextAllowedAt: sql`now()` })
        .where(sql`${signInThrottle.key} = ${key}`);
      expect((await claimSignInTry(key, rule)).allowed).toBe(true);
      waits.push(Math.round((await row(key))!.wait) || 0);
    }
    expect(waits).toEqual([0, 1, 2, 4, 8, 8, 8]);
  });

  it('answers how long to wait while a delay runs', async () => {
    const rule: ThrottleRule = { free: 1, maxDelaySeconds: 900, resetAfterSeconds: 86_400 };
    await claimSignInTry('k:wait', rule);
    await (
      await getDb()
    )
      .update(signInThrottle)
      .set({ nextAllowedAt: sql`now() + interval '5 minutes'` })
      .where(sql`${signInThrottle.key} = 'k:wait'`);
    const claim = await claimSignInTry('k:wait', rule);
    expect(claim.allowed).toBe(false);
    expect(!claim.allowed && claim.retryAfterSeconds).toBeGreaterThanOrEqual(299);
    expect(!claim.allowed && claim.retryAfterSeconds).toBeLessThanOrEqual(300);
  });

  it('starts counting again once the streak is older than the reset time', async () => {
    const rule: ThrottleRule = { free: 1, maxDelaySeconds: 900, resetAfterSeconds: 60 };
    await claimSignInTry('k:reset', rule);
    await claimSignInTry('k:reset', rule);
    await (
      await getDb()
    )
      .update(signInThrottle)
      .set({ windowStart: sql`now() - interval '2 minutes'`, nextAllowedAt: sql`now()` })
      .where(sql`${signInThrottle.key} = 'k:reset'`);
    expect(await claimSignInTry('k:reset', rule)).toEqual({ allowed: true, tries: 1 });
  });

  it('clears a key, gives a try back, and prunes rows quiet for a day', async () => {
    await clearSignInTries('k:burst');
    expect(await row('k:burst')).toBeUndefined();
    await claimSignInTry('k:refund', RULE);
    await claimSignInTry('k:refund', RULE);
    await refundSignInTry('k:refund', RULE);
    expect((await row('k:refund'))!.failures).toBe(1);
    await (
      await getDb()
    )
      .update(signInThrottle)
      .set({ windowStart: sql`now() - interval '2 days'`, nextAllowedAt: sql`now() - interval '25 hours'` })
      .where(sql`${signInThrottle.key} = 'k:refund'`);
    expect(await pruneSignInThrottle()).toBe(1);
    expect(await row('k:refund')).toBeUndefined();
    expect(await row('k:wait')).toBeDefined();
  });
});

/** A long attack, without waiting for it: the attacker's per-account delay now runs for 15 minutes. */
async function holdDelay(client: string) {
  await (
    await getDb()
  )
    .update(signInThrottle)
    .set({ nextAllowedAt: sql`now() + interval '15 minutes'` })
    .where(sql`${signInThrottle.key} like ${`account:%|client:${client}`}`);
}

describe('checkPassword', () => {
  it('checks at most 3 passwords of a burst of 25 parallel guesses, then names the wait', async () => {
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => checkPassword('victim@school.kz', `guess-${i}`, '203.0.113.9')));
    expect(results.filter((r) => r.status === 'invalid')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'rate_limited')).toHaveLength(22);
  });

  it('lets the owner in from another address, right away, while the attacker is slowed', async () => {
    await holdDelay('203.0.113.9');
    expect(await checkPassword('Victim@School.kz', PASSWORD, '198.51.100.7')).toMatchObject({ status: 'ok' });
    expect((await checkPassword('victim@school.kz', PASSWORD, '203.0.113.9')).status).toBe('rate_limited');
  });

  it('never locks the operator out either: five wrong passwords elsewhere do not stop the right one', async () => {
    for (let i = 0; i < 5; i++) await checkPassword('operator@school.kz', `guess-${i}`, '203.0.113.10');
    await holdDelay('203.0.113.10');
    expect((await checkPassword('operator@school.kz', PASSWORD, '203.0.113.10')).status).toBe('rate_limited');
    expect(await checkPassword('operator@school.kz', PASSWORD, '192.0.2.44')).toMatchObject({ status: 'ok' });
  });

  it('ends the streak on the right password, so a typo later starts fresh', async () => {
    await checkPassword('victim@school.kz', 'typo', '198.51.100.8');
    await checkPassword('victim@school.kz', 'typo', '198.51.100.8');
    expect((await checkPassword('victim@school.kz', PASSWORD, '198.51.100.8')).status).toBe('ok');
    for (let i = 0; i < 3; i++) expect((await checkPassword('victim@school.kz', 'typo', '198.51.100.8')).status).toBe('invalid');
  });

  it('slows one client guessing across many accounts (password spraying)', async () => {
    const results = [];
    for (let i = 0; i < 30; i++) results.push(await checkPassword(`nobody${i}@school.kz`, 'Password1', '203.0.113.50'));
    expect(results.every((r) => r.status === 'invalid')).toBe(true);
    // The 30th failure started a delay for the client; let it run long instead of racing its first second.
    expect((await row('client:203.0.113.50'))!.failures).toBe(30);
    await (
      await getDb()
    )
      .update(signInThrottle)
      .set({ nextAllowedAt: sql`now() + interval '15 minutes'` })
      .where(sql`${signInThrottle.key} = 'client:203.0.113.50'`);
    for (let i = 30; i < 32; i++) results.push(await checkPassword(`nobody${i}@school.kz`, 'Password1', '203.0.113.50'));
    expect(results.slice(30).map((r) => r.status)).toEqual(['rate_limited', 'rate_limited']);
    // Another client of the same school network is not affected.
    expect((await checkPassword('victim@school.kz', PASSWORD, '203.0.113.51')).status).toBe('ok');
  });

  it('throttles the password proof that joins an existing account to a school, like sign-in', async () => {
    const [victim] = await (
      await getDb()
    )
      .select({ hash: users.passwordHash })
      .from(users)
      .where(sql`${users.email} = 'victim@school.kz'`);
    const guess = (password: string) => ownerProof('victim@school.kz', password, '203.0.113.60')(victim!.hash);
    for (let i = 0; i < 3; i++) expect(await guess(`guess-${i}`)).toBe(false);
    await holdDelay('203.0.113.60');
    expect(await guess(PASSWORD)).toBe(false);
    expect(await ownerProof('victim@school.kz', PASSWORD, '198.51.100.99')(victim!.hash)).toBe(true);
    expect(await ownerProof('nobody@school.kz', PASSWORD, '198.51.100.99')(null)).toBe(false);
  });
});
