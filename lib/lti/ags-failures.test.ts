import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestPlatform } from '@/test/lti-platform';
import { loopbackFetch } from '@/test/lti-platform/tool-harness';
import { createAccessTokenProvider, type AccessTokenDeps } from './access-token';
import { postScore } from './ags';
import { serveSecretAdmin, score, serviceError, services as gbServices, gradebookForThisFile } from './gradebook-fixture';
import { generateToolKeyPair, importToolSigningKey } from './keys';
import { plainCause } from './remote-answers';
import { isRetryableStatus } from './service-http';
import type { Registration } from './types';

const gb = gradebookForThisFile();
let platform: TestPlatform;
let registration: Registration;
let lineItemUrl: string;
beforeAll(() => ({ platform, registration, lineItemUrl } = gb));
const services = (extra: Partial<AccessTokenDeps> = {}) => gbServices(gb, extra);

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
