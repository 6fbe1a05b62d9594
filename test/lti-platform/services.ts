import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, readBody, sendError, sendJson } from './http';
import type { PlatformState } from './state';
import { MEMBERSHIP_MEDIA_TYPE, ROLES, SCOPES, SCORE_MEDIA_TYPE } from './vocabulary';

/** Checks the bearer token; answers 401/403 itself and returns false when it does not allow the call. */
function authorized(state: PlatformState, req: IncomingMessage, res: ServerResponse, scope: string): boolean {
  const token = bearerToken(req);
  const grant = token ? state.accessTokens.get(token) : undefined;
  if (!grant || grant.expiresAt <= Date.now()) {
    sendError(res, 401, 'invalid_token', 'The access token is missing, unknown or expired.', { 'www-authenticate': 'Bearer' });
    return false;
  }
  if (!grant.scopes.has(scope)) {
    sendError(res, 403, 'insufficient_scope', `The access token lacks ${scope}.`);
    return false;
  }
  return true;
}

const ACTIVITY = new Set(['Initialized', 'Started', 'InProgress', 'Submitted', 'Completed']);
const GRADING = new Set(['FullyGraded', 'Pending', 'PendingManual', 'Failed', 'NotReady']);
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** What Moodle checks before it answers 400 "Incorrect score received". */
function scoreProblem(state: PlatformState, score: Record<string, unknown>): string | undefined {
  if (typeof score.userId !== 'string' || !score.userId) return 'userId is missing';
  if (typeof score.timestamp !== 'string' || !ISO_8601.test(score.timestamp)) return 'timestamp is not ISO 8601';
  if (typeof score.activityProgress !== 'string' || !ACTIVITY.has(score.activityProgress)) return 'activityProgress is invalid';
  if (typeof score.gradingProgress !== 'string' || !GRADING.has(score.gradingProgress)) return 'gradingProgress is invalid';
  if (score.scoreGiven !== undefined) {
    if (typeof score.scoreGiven !== 'number') return 'scoreGiven is not numeric';
    if (typeof score.scoreMaximum !== 'number') return 'scoreGiven without scoreMaximum';
  }
  const member = state.members.find((m) => m.user_id === score.userId);
  if (!member || !member.roles.includes(ROLES.learner)) return 'the user is not gradable in this course';
  return undefined;
}

/** POST /contexts/:context/lineitems/:id/lineitem/scores */
export async function handleScores(state: PlatformState, req: IncomingMessage, res: ServerResponse, contextId: string, lineItemId: string) {
  state.scoreRequests += 1;
  if (!authorized(state, req, res, SCOPES.score)) return;
  if (!state.lineItemIds.has(lineItemId)) return sendError(res, 404, 'not_found', `No line item ${lineItemId}.`);
  if ((req.headers['content-type'] ?? '').split(';')[0]?.trim() !== SCORE_MEDIA_TYPE) {
    return sendError(res, 415, 'unsupported_media_type', `Send ${SCORE_MEDIA_TYPE}.`);
  }
  if (state.scoreMode === 'unavailable') return sendError(res, 503, 'unavailable', 'The gradebook is down for maintenance.');
  if (state.scoreMode === 'rate_limit') return sendError(res, 429, 'rate_limited', 'Slow down.', { 'retry-after': '2' });
  let score: Record<string, unknown>;
  try {
    score = JSON.parse(await readBody(req)) as Record<string, unknown>;
  } catch {
    return sendError(res, 400, 'invalid_request', 'Incorrect score received');
  }
  const problem = state.scoreMode === 'refuse' ? 'refused by configuration' : scoreProblem(state, score);
  if (problem) return sendError(res, 400, 'invalid_request', `Incorrect score received (${problem})`);
  state.scores.push({ contextId, lineItemId, score, receivedAt: new Date() });
  sendJson(res, 200, { resultUrl: `${state.urls.lineItemUrl(contextId, lineItemId).split('?')[0]}/results/${encodeURIComponent(score.userId as string)}` });
}

/** GET /contexts/:context/memberships, paged with `limit`/`offset` and `Link: rel="next"`. */
export function handleMemberships(state: PlatformState, req: IncomingMessage, res: ServerResponse, url: URL, contextId: string) {
  state.membershipRequests += 1;
  if (!authorized(state, req, res, SCOPES.memberships)) return;
  if (!state.membershipsUp) return sendError(res, 503, 'unavailable', 'The roster service is down for maintenance.');
  const role = url.searchParams.get('role');
  const limit = Math.max(1, Number(url.searchParams.get('limit')) || state.pageSize);
  const offset = Math.max(0, Number(url.searchParams.get('offset')) || 0);
  const members = role ? state.members.filter((m) => m.roles.some((r) => r === role || r.endsWith(`#${role}`))) : state.members;
  const page = members.slice(offset, offset + limit);
  const headers: Record<string, string> = { 'content-type': MEMBERSHIP_MEDIA_TYPE };
  if (offset + limit < members.length) {
    const next = new URL(state.urls.membershipsUrl(contextId));
    if (role) next.searchParams.set('role', role);
    next.searchParams.set('limit', String(limit));
    next.searchParams.set('offset', String(offset + limit));
    headers.link = `<${next.href}>; rel="next"`;
  }
  res.writeHead(200, headers);
  res.end(
    JSON.stringify({
      id: url.href,
      context: { id: contextId, label: 'STAFF-101', title: 'Online safety training for staff' },
      members: page.map((m) => ({ status: 'Active', ...m })),
    }),
  );
}
