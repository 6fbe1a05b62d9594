import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db';
import { createTestDatabase } from '@/db/test-db';
import { ltiBindLinks, ltiLoginState, ltiNonceUsed, ltiTickets, signInThrottle, userSessions } from '@/db/schema';
import { isLoginStateFull, pruneExpiredRows } from './retention';
import { createSchoolIfAbsent } from './schools';
import { createMemberIfAbsent, getUserForSignIn } from './users';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const past = () => sql`now() - interval '1 minute'`;
const future = () => sql`now() + interval '1 hour'`;
const keys = async (table: string, column: string) =>
  (await queryRows<{ k: string }>(sql.raw(`select ${column} as k from ${table} order by 1`))).map((r) => r.k);

beforeAll(async () => {
  db = await createTestDatabase();
  const school = await createSchoolIfAbsent('north', { en: 'North', ru: 'North', kk: 'North' });
  await createMemberIfAbsent(school.id, { email: 't@north.kz', name: 'T', passwordHash: null, locale: null, role: 'teacher', tiers: ['9-10'] });
  const userId = (await getUserForSignIn('t@north.kz'))!.id;
  const login = (state: string, expiresAt: ReturnType<typeof sql>) => ({
    state,
    nonce: 'n',
    issuer: 'https://lms',
    clientId: 'c',
    targetLinkUri: 'https://tool/lti/launch',
    expiresAt,
  });
  await db.db.insert(ltiLoginState).values([login('old', past()), login('live', future())]);
  await db.db.insert(ltiNonceUsed).values([
    { nonce: 'old', expiresAt: past() },
    { nonce: 'live', expiresAt: future() },
  ]);
  await db.db.insert(ltiTickets).values([
    { ticketHash: 'old', userId, redirectTo: '/learn', expiresAt: past() },
    { ticketHash: 'live', userId, redirectTo: '/learn', expiresAt: future() },
  ]);
  await db.db.insert(userSessions).values([
    { id: 'old', userId, schoolId: school.id, expiresAt: past() },
    { id: 'live', userId, schoolId: school.id, expiresAt: future() },
  ]);
  await db.db.insert(ltiBindLinks).values([
    { tokenHash: 'old', schoolId: school.id, expiresAt: past() },
    { tokenHash: 'live', schoolId: school.id, expiresAt: future() },
  ]);
  await db.db.insert(signInThrottle).values([
    { key: 'old', windowStart: sql`now() - interval '2 days'`, failures: 9, nextAllowedAt: sql`now() - interval '2 days'` },
    // Its window is long over, but its delay ended only an hour ago: kept for a day.
    { key: 'recent-delay', windowStart: sql`now() - interval '2 days'`, failures: 9, nextAllowedAt: sql`now() - interval '1 hour'` },
    { key: 'live', windowStart: sql`now()`, failures: 1, nextAllowedAt: sql`now()` },
  ]);
});
afterAll(() => db.dispose());

describe('pruning rows left by anonymous and short-lived traffic', () => {
  it('deletes only expired rows, in every table, and is idempotent', async () => {
    expect(await pruneExpiredRows()).toEqual({ loginStates: 1, nonces: 1, tickets: 1, sessions: 1, bindLinks: 1, throttle: 1 });
    expect(await keys('lti_login_state', 'state')).toEqual(['live']);
    expect(await keys('lti_nonce_used', 'nonce')).toEqual(['live']);
    expect(await keys('lti_tickets', 'ticket_hash')).toEqual(['live']);
    expect(await keys('user_sessions', 'id')).toEqual(['live']);
    expect(await keys('lti_bind_links', 'token_hash')).toEqual(['live']);
    expect(await keys('sign_in_throttle', 'key')).toEqual(['live', 'recent-delay']);
    expect(await pruneExpiredRows()).toEqual({ loginStates: 0, nonces: 0, tickets: 0, sessions: 0, bindLinks: 0, throttle: 0 });
  });

  it('reports the login-state table full at its bound, counting no further', async () => {
    expect(await isLoginStateFull(2)).toBe(false);
    await queryRows(sql`insert into lti_login_state select 'bulk-' || g, 'n', 'i', 'c', 't', now() + interval '1 hour' from generate_series(1, 5) g`);
    expect(await isLoginStateFull(2)).toBe(true);
    expect(await isLoginStateFull(6)).toBe(true);
    expect(await isLoginStateFull(7)).toBe(false);
  });
});
