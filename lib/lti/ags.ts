import { z } from 'zod';
import type { AccessTokenProvider } from './access-token';
import { LtiServiceError } from './errors';
import { sendServiceRequest, serviceFailure, type Fetch } from './service-http';
import { SCOPE, type Registration } from './types';

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

export type ServiceContext = { tokens: AccessTokenProvider; fetch?: Fetch; timeoutMs?: number };

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
 * A 401 gets one retry with a fresh token, since platforms revoke tokens before their expiry.
 */
export async function postScore(
  ctx: ServiceContext,
  args: { registration: Registration; lineItemUrl: string; score: Score },
): Promise<ScoreResult> {
  const parsed = ScoreSchema.safeParse(args.score);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LtiServiceError('invalid_request', `The score is invalid: ${issue?.path.join('.')} ${issue?.message}`, {
      retryable: false,
    });
  }
  const { extensions, ...fields } = parsed.data;
  const body = JSON.stringify({ ...extensions, ...fields });
  const url = scoresUrl(args.lineItemUrl);
  const scopes = [SCOPE.score];
  const what = `The score service of ${args.registration.issuer}`;
  const fetchImpl = ctx.fetch ?? fetch;

  for (let attempt = 0; ; attempt++) {
    const token = await ctx.tokens.get(args.registration, scopes);
    const response = await sendServiceRequest(
      fetchImpl,
      url,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': SCORE_MEDIA_TYPE, accept: 'application/json' },
        body,
      },
      what,
      ctx.timeoutMs,
    );
    if (response.status === 401 && attempt === 0) {
      await response.body?.cancel();
      await ctx.tokens.invalidate(args.registration, scopes);
      continue;
    }
    if (!response.ok) throw await serviceFailure(response, what);
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
}
