import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startTestPlatform, type TestPlatform } from '@/test/lti-platform';
import { serveJwks } from '@/test/lti-platform/jwks-server';
import { loopbackFetch, TOOL_CLIENT_ID, toolClient } from '@/test/lti-platform/tool-harness';
import { createAccessTokenProvider, type AccessTokenDeps } from './access-token';
import type { Score } from './ags';
import { LtiServiceError } from './errors';
import { buildToolJwks, generateToolKeyPair, importToolSigningKey, type ToolSigningKey } from './keys';
import type { Registration } from './types';

/** The gradebook tests' platform (test/lti-platform) and tool key, started for one test file. */
export type Gradebook = { platform: TestPlatform; signingKey: ToolSigningKey; registration: Registration; lineItemUrl: string };

export function gradebookForThisFile(): Gradebook {
  const gb = {} as Gradebook;
  let jwksServer: Awaited<ReturnType<typeof serveJwks>>;
  beforeAll(async () => {
    const pair = await generateToolKeyPair();
    gb.signingKey = await importToolSigningKey(pair.privateJwk);
    jwksServer = await serveJwks(() => buildToolJwks([{ publicJwk: pair.publicJwk, status: 'current' }]));
    gb.platform = await startTestPlatform({ clients: [{ ...toolClient, jwksUrl: jwksServer.url }], lineItemIds: ['1', '2'] });
    gb.registration = gb.platform.registrationFor(TOOL_CLIENT_ID);
    gb.lineItemUrl = gb.platform.urls.lineItemUrl('staff-course-1', '1');
  });
  afterAll(async () => {
    await gb.platform.stop();
    await jwksServer.stop();
  });
  afterEach(() => {
    gb.platform.setScoreMode('accept');
    gb.platform.setTokenEndpointUp(true);
  });
  return gb;
}

export const score = (overrides: Partial<Score> = {}): Score => ({
  userId: 'teacher-1',
  scoreGiven: 85,
  scoreMaximum: 100,
  activityProgress: 'Completed',
  gradingProgress: 'FullyGraded',
  timestamp: '2026-03-01T10:15:30.123Z',
  ...overrides,
});

/** An internal service on this machine that must never be reached through the tool. */
export async function serveSecretAdmin() {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('secret admin page');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, requests, stop: () => new Promise((resolve) => server.close(resolve)) };
}

/** The services context a passback uses, with the gradebook's tool key. */
export function services(gb: Gradebook, extra: Partial<AccessTokenDeps> = {}) {
  return { tokens: createAccessTokenProvider({ signingKey: async () => gb.signingKey, fetch: loopbackFetch, ...extra }), fetch: loopbackFetch };
}

export async function serviceError(promise: Promise<unknown>): Promise<LtiServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LtiServiceError)) throw new Error(`expected an LtiServiceError, got ${String(error)}`);
  return error;
}
