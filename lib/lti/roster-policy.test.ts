import { describe, expect, it } from 'vitest';
import { LtiServiceError } from './errors';
import { nextRosterSyncAt, ROSTER_SYNC_EVERY_MS, rosterFailure, rosterRetryDelayMs } from './roster-policy';

const at = new Date('2026-01-01T10:00:00Z');

describe('roster sync backoff', () => {
  it('doubles after each failure and is capped at the normal interval', () => {
    expect([1, 2, 3, 4].map((n) => rosterRetryDelayMs(n, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(rosterRetryDelayMs(20, 30_000)).toBe(ROSTER_SYNC_EVERY_MS);
  });

  it('is due at once with no record, after the interval after a success, after the backoff after a failure', () => {
    expect(nextRosterSyncAt(null, 30_000).getTime()).toBe(0);
    expect(nextRosterSyncAt({ ok: true, at, failures: 0 }, 30_000).getTime()).toBe(at.getTime() + ROSTER_SYNC_EVERY_MS);
    expect(nextRosterSyncAt({ ok: false, at, failures: 1 }, 30_000).getTime()).toBe(at.getTime() + 30_000);
    expect(nextRosterSyncAt({ ok: false, at, failures: 3 }, 30_000).getTime()).toBe(at.getTime() + 120_000);
  });
});

describe('roster failure reasons', () => {
  it('keep the status and drop the remote body and message', () => {
    const err = new LtiServiceError('http', 'Roster answered 503: <html>secret stack</html>', {
      retryable: true,
      status: 503,
      responseBody: '<html>secret stack</html>',
    });
    expect(rosterFailure(err)).toEqual({ reason: 'http', status: 503 });
    expect(JSON.stringify(rosterFailure(err))).not.toContain('secret');
    expect(rosterFailure(new LtiServiceError('network', 'ECONNREFUSED 10.0.0.1', { retryable: true }))).toEqual({ reason: 'network' });
    expect(rosterFailure(new Error('boom'))).toEqual({ reason: 'other' });
  });
});
