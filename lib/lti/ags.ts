import { z } from 'zod';
import { LtiServiceError } from './errors';
import { sendAuthorized, type ServiceContext } from './service-http';
import { SCOPE, type Registration } from './types';

export type { ServiceContext } from './service-http';

export const SCORE_MEDIA_TYPE = 'application/vnd.ims.lis.v1.score+json';

export const ACTIVITY_PROGRESS = ['Initialized', 'Started', 'InProgress', 'Submitted', 'Completed'] as const;
export const GRADING_PROGRESS = ['FullyGraded', 'Pending', 'PendingManual', 'Failed', 'NotReady'] as const;

/**
 * A score as AGS 2.0 defines it, checked as strictly as Moodle checks it (it answers 400
 * "Incorrect score received" otherwise), so a bad score fails here instead of at the LMS.
 */
export const ScoreSchema = z
  .object({
    userId: z.string().min(1),
    scoreGiven: z.number().finite().min(0).optional(),
    scoreMaximum: z.number().finite().positive().optional(),
    comment: z.string().max(10_000).optional(),
    timestamp: z.iso.datetime({ offset: true }),
    activityProgress: z.enum(ACTIVITY_PROGRESS),
    gradingProgress: z.enum(GRADING_PROGRESS),
    /** Platform extensions, e.g. `https://canvas.instructure.com/lti/submission`. */
    extensions: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((s) => s.scoreGiven === undefined || s.scoreMaximum !== undefined, {
    message: 'scoreMaximum is required with scoreGiven',
    path: ['scoreMaximum'],
  });
export type Score = z.infer<typeof ScoreSchema>;

export type ScoreResult = { status: number; resultUrl?: string };

/**
 * `{lineitem}/scores`, inserted into the path: Moodle's line item URLs carry a query string
 * (`…/lineitem?type_id=2`), which plain string appending would break.
 */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/scores`;
  return url.href;
}

/**
 * Publishes one score to a line item. Throws LtiServiceError: `retryable` for network
 * failures, 5xx and 429 (keep it in the outbox), permanent for other 4xx (record the reason).
 */
export async function postScore(ctx: ServiceContext, args: { registration: Registration; lineItemUrl: string; score: Score }): Promise<ScoreResult> {
  const parsed = ScoreSchema.safeParse(args.score);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LtiServiceError('invalid_request', `The score is invalid: ${issue?.path.join('.')} ${issue?.message}`, {
      retryable: false,
    });
  }
  const { extensions, ...fields } = parsed.data;
  const body = JSON.stringify({ ...extensions, ...fields });
  const response = await sendAuthorized(
    ctx,
    args.registration,
    [SCOPE.score],
    scoresUrl(args.lineItemUrl),
    { method: 'POST', headers: { 'content-type': SCORE_MEDIA_TYPE, accept: 'application/json' }, body },
    { what: `The score service of ${args.registration.issuer}`, service: 'score' },
  );
  const text = await response.text();
  let resultUrl: string | undefined;
  try {
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (json && typeof json === 'object' && 'resultUrl' in json && typeof json.resultUrl === 'string') resultUrl = json.resultUrl;
  } catch {
    // The spec leaves the body open; a 2xx without JSON is still a stored score.
  }
  return { status: response.status, ...(resultUrl ? { resultUrl } : {}) };
}
