import 'server-only';
import { claimDueGrades, markGradeFailed, markGradeRetry, markGradeSent } from '@/db/queries/grade-outbox';
import { getRegistrationById } from '@/db/queries/lti-registrations';
import { toRegistration } from './stores';
import { postScore } from '@/lib/lti/ags';
import { LtiServiceError } from '@/lib/lti/errors';
import { services } from './context';

const MAX_TRIES = 12;
/** 10 s, 20 s, 40 s … capped at an hour: an LMS outage of a day still gets every score. */
export const backoffSeconds = (tries: number) => Math.min(3600, 10 * 2 ** Math.max(0, tries - 1));

/** Sends due scores once; returns how many were handled. Safe to run in several processes at once. */
export async function drainGradeOutbox(limit = 20) {
  const rows = await claimDueGrades(limit);
  for (const row of rows) {
    const stored = await getRegistrationById(row.registrationId);
    if (!stored) {
      await markGradeFailed(row.id, 'The LMS registration was removed.');
      continue;
    }
    try {
      await postScore(services, {
        registration: toRegistration(stored),
        lineItemUrl: row.lineitemUrl,
        score: {
          userId: row.ltiSub,
          scoreGiven: row.scoreGiven,
          scoreMaximum: row.scoreMaximum,
          activityProgress: 'Completed',
          gradingProgress: 'FullyGraded',
          timestamp: row.scoredAt.toISOString(),
        },
      });
      await markGradeSent(row.id);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const retryable = err instanceof LtiServiceError ? err.retryable : true;
      if (!retryable || row.tries >= MAX_TRIES) {
        console.warn(`[lti] score ${row.id} refused for good: ${message}`);
        await markGradeFailed(row.id, message);
      } else {
        const wait = err instanceof LtiServiceError && err.retryAfterSeconds ? err.retryAfterSeconds : backoffSeconds(row.tries);
        await markGradeRetry(row.id, wait, message);
      }
    }
  }
  return rows.length;
}
