import { decodeJwt, decodeProtectedHeader } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestPlatform } from '@/test/lti-platform';
import { TOOL_CLIENT_ID } from '@/test/lti-platform/tool-harness';
import { buildClientAssertion, type AccessTokenDeps } from './access-token';
import { postScore, scoresUrl } from './ags';
import { score, serviceError, services as gbServices, gradebookForThisFile } from './gradebook-fixture';
import { type ToolSigningKey } from './keys';
import { fetchMemberships } from './nrps';
import type { AccessTokenCache, CachedAccessToken } from './stores';
import type { Registration } from './types';

const gb = gradebookForThisFile();
let platform: TestPlatform;
let signingKey: ToolSigningKey;
let registration: Registration;
let lineItemUrl: string;
beforeAll(() => ({ platform, signingKey, registration, lineItemUrl } = gb));
const services = (extra: Partial<AccessTokenDeps> = {}) => gbServices(gb, extra);

describe('postScore', () => {
  it('posts the score to {lineitem}/scores, keeping the line item query string', async () => {
    const result = await postScore(services(), { registration, lineItemUrl, score: score({ comment: 'Passed' }) });
    expect(result.status).toBe(200);
    expect(result.resultUrl).toContain('/lineitems/1/lineitem/results/teacher-1');
    expect(platform.scores.at(-1)).toMatchObject({
      contextId: 'staff-course-1',
      lineItemId: '1',
      score: { userId: 'teacher-1', scoreGiven: 85, scoreMaximum: 100, activityProgress: 'Completed', gradingProgress: 'FullyGraded', comment: 'Passed' },
    });
  });

  it('sends platform extensions beside the score fields', async () => {
    const submission = { new_submission: true };
    await postScore(services(), { registration, lineItemUrl, score: score({ extensions: { 'https://canvas.instructure.com/lti/submission': submission } }) });
    expect(platform.scores.at(-1)?.score).toMatchObject({ 'https://canvas.instructure.com/lti/submission': submission, userId: 'teacher-1' });
  });

  it('checks the score before sending it, as strictly as Moodle', async () => {
    const before = platform.scoreRequests;
    for (const bad of [score({ scoreMaximum: undefined }), score({ timestamp: '01/03/2026' }), score({ userId: '' }), score({ scoreGiven: -1 })]) {
      const error = await serviceError(postScore(services(), { registration, lineItemUrl, score: bad }));
      expect(error).toMatchObject({ code: 'invalid_request', retryable: false });
    }
    expect(platform.scoreRequests).toBe(before);
  });
});

describe('access tokens', () => {
  it('signs a client assertion the token endpoint accepts (iss = sub = client_id, aud = token URL)', async () => {
    const assertion = await buildClientAssertion(registration, signingKey, new Date('2026-03-01T10:00:00Z'));
    expect(decodeProtectedHeader(assertion)).toMatchObject({ alg: 'RS256', kid: signingKey.kid });
    expect(decodeJwt(assertion)).toMatchObject({ iss: TOOL_CLIENT_ID, sub: TOOL_CLIENT_ID, aud: registration.tokenUrl, jti: expect.any(String) });
    const withAudience = decodeJwt(await buildClientAssertion({ ...registration, tokenAudience: 'https://api.example/auth/token' }, signingKey, new Date()));
    expect(withAudience.aud).toBe('https://api.example/auth/token');
  });

  it('reuses one token for several score posts', async () => {
    const ctx = services();
    const before = platform.tokenRequests.length;
    await postScore(ctx, { registration, lineItemUrl, score: score() });
    await postScore(ctx, { registration, lineItemUrl: platform.urls.lineItemUrl('staff-course-1', '2'), score: score() });
    expect(platform.tokenRequests.length).toBe(before + 1);
  });

  it('shares one token request among concurrent posts', async () => {
    const ctx = services();
    const before = platform.tokenRequests.length;
    await Promise.all(Array.from({ length: 5 }, () => postScore(ctx, { registration, lineItemUrl, score: score() })));
    expect(platform.tokenRequests.length).toBe(before + 1);
  });

  it('keeps a separate token per scope set', async () => {
    const ctx = services();
    const before = platform.tokenRequests.length;
    await postScore(ctx, { registration, lineItemUrl, score: score() });
    await fetchMemberships(ctx, { registration, contextMembershipsUrl: platform.urls.membershipsUrl('staff-course-1') });
    await postScore(ctx, { registration, lineItemUrl, score: score() });
    expect(platform.tokenRequests.slice(before).map((r) => r.scopes)).toEqual([
      ['https://purl.imsglobal.org/spec/lti-ags/scope/score'],
      ['https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly'],
    ]);
  });

  it('keeps a token until shortly before its expiry, then asks for a new one', async () => {
    const entries = new Map<string, CachedAccessToken>();
    const cache: AccessTokenCache = {
      get: async (key) => entries.get(key) ?? null,
      set: async (key, token) => void entries.set(key, token),
      delete: async (key) => void entries.delete(key),
    };
    const ctx = services({ cache });
    const before = platform.tokenRequests.length;
    const sentAt = Date.now();
    await postScore(ctx, { registration, lineItemUrl, score: score() });
    const [[key, cached]] = [...entries] as [[string, CachedAccessToken]];
    // The platform grants 3600 s; the tool stops using the token a minute early.
    expect(cached.expiresAt.getTime()).toBeGreaterThanOrEqual(sentAt + 3540_000);
    expect(cached.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 3540_000);

    await postScore(ctx, { registration, lineItemUrl, score: score() });
    expect(platform.tokenRequests.length).toBe(before + 1);
    entries.set(key, { ...cached, expiresAt: new Date(Date.now() - 1) });
    await postScore(ctx, { registration, lineItemUrl, score: score() });
    expect(platform.tokenRequests.length).toBe(before + 2);
  });

  it('gets a fresh token when the platform revoked the cached one', async () => {
    const ctx = services();
    await postScore(ctx, { registration, lineItemUrl, score: score() });
    platform.revokeAccessTokens();
    const before = platform.tokenRequests.length;
    await expect(postScore(ctx, { registration, lineItemUrl, score: score() })).resolves.toMatchObject({ status: 200 });
    expect(platform.tokenRequests.length).toBe(before + 1);
  });
});

describe('scoresUrl', () => {
  it.each([
    ['https://lms.example/lineitems/5', 'https://lms.example/lineitems/5/scores'],
    ['https://lms.example/lineitems/5/', 'https://lms.example/lineitems/5/scores'],
    [
      'https://lms.example/mod/lti/services.php/2/lineitems/5/lineitem?type_id=1',
      'https://lms.example/mod/lti/services.php/2/lineitems/5/lineitem/scores?type_id=1',
    ],
  ])('%s → %s', (lineItem, expected) => {
    expect(scoresUrl(lineItem)).toBe(expected);
  });
});
