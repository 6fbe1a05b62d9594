import { decodeJwt, decodeProtectedHeader } from 'jose';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestPlatform, type TestPlatform } from '@/test/lti-platform';
import { serveJwks } from '@/test/lti-platform/jwks-server';
import { loopbackFetch, TOOL_CLIENT_ID, toolClient } from '@/test/lti-platform/tool-harness';
import { buildClientAssertion, createAccessTokenProvider, type AccessTokenDeps } from './access-token';
import { postScore, scoresUrl, type Score } from './ags';
import { LtiServiceError } from './errors';
import { buildToolJwks, generateToolKeyPair, importToolSigningKey, type ToolSigningKey } from './keys';
import { fetchMemberships } from './nrps';
import { plainCause } from './remote-answers';
import { isRetryableStatus } from './service-http';
import type { AccessTokenCache, CachedAccessToken } from './stores';
import type { Registration } from './types';

let platform: TestPlatform;
let jwksServer: Awaited<ReturnType<typeof serveJwks>>;
let signingKey: ToolSigningKey;
let registration: Registration;
let lineItemUrl: string;

beforeAll(async () => {
  const pair = await generateToolKeyPair();
  signingKey = await importToolSigningKey(pair.privateJwk);
  jwksServer = await serveJwks(() => buildToolJwks([{ publicJwk: pair.publicJwk, status: 'current' }]));
  platform = await startTestPlatform({ clients: [{ ...toolClient, jwksUrl: jwksServer.url }], lineItemIds: ['1', '2'] });
  registration = platform.registrationFor(TOOL_CLIENT_ID);
  lineItemUrl = platform.urls.lineItemUrl('staff-course-1', '1');
});
afterAll(async () => {
  await platform.stop();
  await jwksServer.stop();
});
afterEach(() => {
  platform.setScoreMode('accept');
  platform.setTokenEndpointUp(true);
});

const score = (overrides: Partial<Score> = {}): Score => ({
  userId: 'teacher-1',
  scoreGiven: 85,
  scoreMaximum: 100,
  activityProgress: 'Completed',
  gradingProgress: 'FullyGraded',
  timestamp: '2026-03-01T10:15:30.123Z',
  ...overrides,
});

/** An internal service on this machine that must never be reached through the tool. */
async function serveSecretAdmin() {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('secret admin page');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, requests, stop: () => new Promise((resolve) => server.close(resolve)) };
}

function services(extra: Partial<AccessTokenDeps> = {}) {
  return { tokens: createAccessTokenProvider({ signingKey: async () => signingKey, fetch: loopbackFetch, ...extra }), fetch: loopbackFetch };
}

async function serviceError(promise: Promise<unknown>): Promise<LtiServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LtiServiceError)) throw new Error(`expected an LtiServiceError, got ${String(error)}`);
  return error;
}

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

describe('failure classification for the passback outbox', () => {
  it('retries when the gradebook is down (503)', async () => {
    platform.setScoreMode('unavailable');
    const error = await serviceError(postScore(services(), { registration, lineItemUrl, score: score() }));
    expect(error).toMatchObject({ code: 'http', status: 503, retryable: true });
  });

  it('retries when rate-limited (429), honouring Retry-After', async () => {
    platform.setScoreMode('rate_limit');
    const error = await serviceError(postScore(services(), { registration, lineItemUrl, score: score() }));
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterSeconds: 2 });
  });

  it('gives up on a score the LMS refuses (400): a plain cause for the admin, the answer only in the log', async () => {
    platform.setScoreMode('refuse');
    const logged = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const error = await serviceError(postScore(services(), { registration, lineItemUrl, score: score() }));
      expect(error).toMatchObject({ status: 400, retryable: false });
      expect(error.message).toBe(`The score service of ${registration.issuer} answered HTTP 400: ${plainCause('score', 400)}.`);
      expect(error.message).not.toContain('Incorrect score received');
      expect(error.responseBody).toContain('Incorrect score received');
      expect(logged.mock.calls.map((c) => String(c[0])).join('\n')).toContain('Incorrect score received');
    } finally {
      logged.mockRestore();
    }
  });

  it("gives up on a user the course cannot grade (Moodle's 400)", async () => {
    const error = await serviceError(postScore(services(), { registration, lineItemUrl, score: score({ userId: 'methodist-1' }) }));
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect(error.responseBody).toContain('not gradable');
  });

  it('gives up on an unknown line item (404)', async () => {
    const missing = platform.urls.lineItemUrl('staff-course-1', '99');
    expect(await serviceError(postScore(services(), { registration, lineItemUrl: missing, score: score() }))).toMatchObject({ status: 404, retryable: false });
  });

  it('retries when the network fails', async () => {
    const ctx = { ...services(), fetch: (async () => Promise.reject(new TypeError('fetch failed'))) as typeof fetch };
    const error = await serviceError(postScore(ctx, { registration, lineItemUrl, score: score() }));
    expect(error).toMatchObject({ code: 'network', retryable: true });
  });

  it('retries when the platform does not answer in time', async () => {
    const hang: typeof fetch = (_input, init) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const ctx = { ...services(), fetch: hang, timeoutMs: 50 };
    expect(await serviceError(postScore(ctx, { registration, lineItemUrl, score: score() }))).toMatchObject({ code: 'network', retryable: true });
  });

  it('retries when the token endpoint is down', async () => {
    platform.setTokenEndpointUp(false);
    const error = await serviceError(postScore(services(), { registration, lineItemUrl, score: score() }));
    expect(error).toMatchObject({ status: 503, retryable: true });
  });

  it('gives up when the platform does not know the tool key (401 invalid_client)', async () => {
    const stranger = await importToolSigningKey((await generateToolKeyPair()).privateJwk);
    const ctx = {
      tokens: createAccessTokenProvider({ signingKey: async () => stranger, fetch: loopbackFetch, toolJwksUrl: 'https://teach.example/lti/jwks' }),
      fetch: loopbackFetch,
    };
    const error = await serviceError(postScore(ctx, { registration, lineItemUrl, score: score() }));
    expect(error).toMatchObject({ status: 401, retryable: false });
    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain("check that it can reach KKO Teach's keys at https://teach.example/lti/jwks");
    expect(error.message).not.toContain('invalid_client');
  });

  it("never sends a score, or a token, to a URL off the registration's hosts", async () => {
    const secret = await serveSecretAdmin();
    const tokensBefore = platform.tokenRequests.length;
    try {
      const elsewhere = `http://127.0.0.1:${secret.port}/secret-admin/lineitems/1/lineitem`;
      const error = await serviceError(postScore(services(), { registration, lineItemUrl: elsewhere, score: score() }));
      expect(error).toMatchObject({ code: 'refused', retryable: false });
      expect(error.message).toContain(`127.0.0.1:${secret.port} is not a host of this LMS registration`);
      expect(error.message).not.toContain('secret admin page');
      expect(secret.requests).toEqual([]);
      expect(platform.tokenRequests.length).toBe(tokensBefore);
    } finally {
      await secret.stop();
    }
  });

  it("follows no redirect of the score service off the registration's hosts", async () => {
    const secret = await serveSecretAdmin();
    // A score service on one of the registration's hosts that bounces the score elsewhere.
    const bouncer = http.createServer((_req, res) => res.writeHead(307, { location: `http://127.0.0.1:${secret.port}/secret-admin/scores` }).end());
    await new Promise<void>((resolve) => bouncer.listen(0, '127.0.0.1', resolve));
    const bouncerHost = `127.0.0.1:${(bouncer.address() as AddressInfo).port}`;
    try {
      const withBouncer = { ...registration, issuer: `http://${bouncerHost}` };
      const error = await serviceError(postScore(services(), { registration: withBouncer, lineItemUrl: `http://${bouncerHost}/lineitem`, score: score() }));
      expect(error).toMatchObject({ code: 'refused', retryable: false });
      expect(error.message).toContain(`127.0.0.1:${secret.port} is not a host of this LMS registration`);
      expect(secret.requests).toEqual([]);
    } finally {
      bouncer.close();
      await secret.stop();
    }
  });

  it.each([
    [500, true],
    [502, true],
    [503, true],
    [429, true],
    [408, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [422, false],
  ])('classifies HTTP %i as retryable: %s', (status, retryable) => {
    expect(isRetryableStatus(status)).toBe(retryable);
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
