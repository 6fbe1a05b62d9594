import type { LastRosterSync, RosterFailure } from '@/db/queries/lti-roster-status';
import { LtiServiceError } from './errors';

/** A course's roster is fetched again at most this often after a successful sync. */
export const ROSTER_SYNC_EVERY_MS = 10 * 60_000;
/** Failed syncs are retried this many times in the background before waiting for the next launch. */
export const ROSTER_MAX_RETRIES = 5;

/** The last recorded sync of one course roster, from whichever server process made it. */

/** Exponential backoff after `failures` failures in a row: base, 2×, 4×…, never longer than the normal interval. */
export function rosterRetryDelayMs(failures: number, baseMs: number) {
  return Math.min(ROSTER_SYNC_EVERY_MS, baseMs * 2 ** Math.max(0, failures - 1));
}

/** When the roster may be fetched again: after a success, the normal interval; after failures, the backoff. */
export function nextRosterSyncAt(last: LastRosterSync | null, baseMs: number): Date {
  if (!last) return new Date(0);
  const wait = last.ok ? ROSTER_SYNC_EVERY_MS : rosterRetryDelayMs(last.failures, baseMs);
  return new Date(last.at.getTime() + wait);
}

/** What the LMS page may show about a failure: a reason code and an HTTP status, never the remote body. */
export function rosterFailure(err: unknown): RosterFailure {
  if (err instanceof LtiServiceError) {
    if (err.code === 'http') return { reason: 'http', ...(err.status ? { status: err.status } : {}) };
    if (err.code === 'network' || err.code === 'invalid_response') return { reason: err.code };
  }
  return { reason: 'other' };
}
