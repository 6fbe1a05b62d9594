import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestPlatform, type TestPlatform } from '@/test/lti-platform';
import { serveJwks } from '@/test/lti-platform/jwks-server';
import { createToolHarness, loopbackFetch } from '@/test/lti-platform/tool-harness';
import { createAccessTokenProvider } from './access-token';
import { postScore } from './ags';
import { buildToolRegistrationRequest, fetchPlatformConfiguration, registerWithPlatform, type PlatformConfiguration } from './dynamic-registration';
import { DynamicRegistrationError, type LtiError } from './errors';
import { buildToolJwks, generateToolKeyPair, importToolSigningKey, type ToolSigningKey } from './keys';
import { toolUrls, type ToolUrls } from './tool';
import { PLATFORM_CONFIGURATION, SCOPE, TOOL_CONFIGURATION } from './types';

let platform: TestPlatform;
let jwksServer: Awaited<ReturnType<typeof serveJwks>>;
let tool: ToolUrls;
let signingKey: ToolSigningKey;
const local = { allowLoopbackHttp: true };

beforeAll(async () => {
  const pair = await generateToolKeyPair();
  signingKey = await importToolSigningKey(pair.privateJwk);
  // The tool's JWKS must be reachable: the platform fetches it to check the tool's signatures.
  jwksServer = await serveJwks(() => buildToolJwks([{ publicJwk: pair.publicJwk, status: 'current' }]));
  tool = toolUrls(jwksServer.url.replace(/\/lti\/jwks$/, ''));
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform.stop();
  await jwksServer.stop();
});

async function registrationError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DynamicRegistrationError)) throw new Error(`expected a DynamicRegistrationError, got ${String(error)}`);
  return error.code;
}

const info = () => ({ tool, clientName: 'KKO Teach', logoUri: `${tool.baseUrl}icon.svg`, deepLinkingLabel: 'Add a KKO Teach module' });

describe('registerWithPlatform', () => {
  it('registers the tool, then launches and passes a grade back with the new registration', async () => {
    const { openidConfigurationUrl, registrationToken } = platform.startDynamicRegistration();
    const result = await registerWithPlatform({ openidConfigurationUrl, registrationToken, info: info() }, local);

    const recorded = platform.registrations.at(-1)!;
    expect(result.registration).toEqual({
      issuer: platform.issuer,
      clientId: recorded.clientId,
      authUrl: platform.urls.authUrl,
      tokenUrl: platform.urls.tokenUrl,
      jwksUrl: platform.urls.jwksUrl,
      deploymentIds: [recorded.deploymentId],
    });
    expect(recorded.request).toMatchObject({
      application_type: 'web',
      response_types: ['id_token'],
      grant_types: ['implicit', 'client_credentials'],
      initiate_login_uri: tool.loginUrl,
      redirect_uris: [tool.launchUrl],
      jwks_uri: tool.jwksUrl,
      token_endpoint_auth_method: 'private_key_jwt',
      client_name: 'KKO Teach',
      [TOOL_CONFIGURATION]: {
        domain: new URL(tool.baseUrl).host,
        target_link_uri: tool.baseUrl,
        claims: expect.arrayContaining(['sub', 'name', 'email', 'locale']),
        messages: [
          { type: 'LtiResourceLinkRequest', target_link_uri: tool.baseUrl },
          { type: 'LtiDeepLinkingRequest', target_link_uri: tool.baseUrl, label: 'Add a KKO Teach module' },
        ],
      },
    });
    expect(String(recorded.request.scope).split(' ').sort()).toEqual(Object.values(SCOPE).sort());

    const harness = createToolHarness(platform, { tool, registrations: [result.registration] });
    const launch = await harness.launch({
      clientId: result.registration.clientId,
      deploymentId: recorded.deploymentId,
      targetLinkUri: `${tool.baseUrl}learn/9-10/privacy`,
    });
    expect(launch).toMatchObject({ clientId: result.registration.clientId, deploymentId: recorded.deploymentId });

    const tokens = createAccessTokenProvider({ signingKey: async () => signingKey, fetch: loopbackFetch });
    const passed = await postScore(
      { tokens, fetch: loopbackFetch },
      {
        registration: result.registration,
        lineItemUrl: launch.ags!.lineitem!,
        score: {
          userId: launch.userId,
          scoreGiven: 90,
          scoreMaximum: 100,
          activityProgress: 'Completed',
          gradingProgress: 'FullyGraded',
          timestamp: new Date().toISOString(),
        },
      },
    );
    expect(passed.status).toBe(200);
  });

  it('cannot register twice with one registration token', async () => {
    const { openidConfigurationUrl, registrationToken } = platform.startDynamicRegistration();
    await registerWithPlatform({ openidConfigurationUrl, registrationToken, info: info() }, local);
    expect(await registrationError(registerWithPlatform({ openidConfigurationUrl, registrationToken, info: info() }, local))).toBe('registration_refused');
  });

  it('refuses a platform whose issuer is not on the origin of its configuration', async () => {
    const impostor = await startTestPlatform({ configurationIssuer: 'https://moodle.school.example' });
    try {
      const { openidConfigurationUrl, registrationToken } = impostor.startDynamicRegistration();
      expect(await registrationError(registerWithPlatform({ openidConfigurationUrl, registrationToken, info: info() }, local))).toBe('issuer_mismatch');
      expect(impostor.registrations).toEqual([]);
    } finally {
      await impostor.stop();
    }
  });

  it.each([
    ['plain http unless allowed', () => platform.urls.openidConfigurationUrl, {}],
    ['plain http to another host', () => 'http://10.0.0.5/.well-known/openid-configuration', local],
    ['a file URL', () => 'file:///etc/passwd', local],
    ['not a URL', () => 'openid', local],
  ])('refuses to fetch %s', async (_, url, deps) => {
    expect(await registrationError(fetchPlatformConfiguration(url(), undefined, deps))).toBe('bad_configuration_url');
  });

  it('reports a configuration that cannot be fetched or read', async () => {
    const missing = `${platform.issuer}/no-configuration`;
    expect(await registrationError(fetchPlatformConfiguration(missing, undefined, local))).toBe('configuration_unavailable');
    const incomplete: typeof fetch = async () => Response.json({ issuer: 'https://lms.example' });
    const deps = { fetch: incomplete };
    expect(await registrationError(fetchPlatformConfiguration('https://lms.example/.well-known/openid-configuration', undefined, deps))).toBe(
      'invalid_configuration',
    );
  });

  it('sends the registration token with the configuration request, as Canvas requires', async () => {
    let authorization: string | null = null;
    const spy: typeof fetch = async (input, init) => {
      authorization = new Headers(init?.headers).get('authorization');
      return fetch(input, init);
    };
    await fetchPlatformConfiguration(platform.urls.openidConfigurationUrl, 'reg-token', { ...local, fetch: spy });
    expect(authorization).toBe('Bearer reg-token');
  });
});

/**
 * A hand-made "LMS" whose configuration names whatever registration endpoint the test wants,
 * and an internal service on this machine that records every request reaching it.
 */
async function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, requests, stop: () => new Promise((resolve) => server.close(resolve)) };
}

function hostileConfiguration(registrationEndpoint: () => string) {
  return serve((req, res) => {
    const origin = `http://${req.headers.host}`;
    if (req.url === '/to-metadata') return res.writeHead(302, { location: 'https://169.254.169.254/latest/meta-data/' }).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        issuer: origin,
        authorization_endpoint: `${origin}/auth`,
        token_endpoint: `${origin}/token`,
        jwks_uri: `${origin}/jwks`,
        registration_endpoint: registrationEndpoint(),
      }),
    );
  });
}

async function failure(promise: Promise<unknown>): Promise<LtiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DynamicRegistrationError)) throw new Error(`expected a DynamicRegistrationError, got ${String(error)}`);
  return error;
}

describe('dynamic registration against a hostile configuration', () => {
  it('never POSTs to a private or metadata registration endpoint', async () => {
    for (const endpoint of ['https://169.254.169.254/latest/meta-data/iam', 'https://10.0.0.5/admin/users', 'https://[::ffff:c0a8:0101]/reset']) {
      const lms = await hostileConfiguration(() => endpoint);
      try {
        const error = await failure(
          registerWithPlatform({ openidConfigurationUrl: `${lms.origin}/.well-known/openid-configuration`, info: info() }, { ...local, timeoutMs: 2000 }),
        );
        expect(error.code, endpoint).toBe('bad_configuration_url');
        expect(error.message, endpoint).toContain('private, loopback or reserved address');
      } finally {
        await lms.stop();
      }
    }
  });

  it("shows the status and a plain cause, never the internal service's answer, which goes to the log", async () => {
    const internal = await serve((_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('TOP-SECRET admin console: db password hunter2'));
    const lms = await hostileConfiguration(() => `${internal.origin}/secret-admin/delete-everything`);
    const logged = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const error = await failure(registerWithPlatform({ openidConfigurationUrl: `${lms.origin}/.well-known/openid-configuration`, info: info() }, local));
      expect(error.message).not.toContain('TOP-SECRET');
      expect(error.message).not.toContain('hunter2');
      expect(error.code).toBe('registration_refused');
      expect(error.message).toContain('HTTP 500');
      expect(logged.mock.calls.map((c) => String(c[0])).join('\n')).toContain('TOP-SECRET');
    } finally {
      logged.mockRestore();
      await lms.stop();
      await internal.stop();
    }
  });

  it('does not follow a configuration URL that redirects into the metadata service', async () => {
    const lms = await hostileConfiguration(() => 'https://lms.example/register');
    try {
      const error = await failure(fetchPlatformConfiguration(`${lms.origin}/to-metadata`, undefined, { ...local, timeoutMs: 2000 }));
      expect(error.code).toBe('bad_configuration_url');
      expect(lms.requests).toEqual(['GET /to-metadata']);
    } finally {
      await lms.stop();
    }
  });

  it('refuses an internal https configuration outright in production (no loopback switch)', async () => {
    for (const url of ['https://127.0.0.1:8443/.well-known/openid-configuration', 'https://169.254.169.254/openid', 'https://[fd00::1]/openid']) {
      expect(await registrationError(fetchPlatformConfiguration(url, undefined, {})), url).toBe('bad_configuration_url');
    }
  });
});

describe('buildToolRegistrationRequest', () => {
  const platformConfig = (extra: Partial<PlatformConfiguration>): PlatformConfiguration => ({
    issuer: 'https://lms.example',
    authorization_endpoint: 'https://lms.example/auth',
    token_endpoint: 'https://lms.example/token',
    jwks_uri: 'https://lms.example/jwks',
    registration_endpoint: 'https://lms.example/register',
    authorization_server: undefined,
    ...extra,
  });

  it('asks only for scopes the platform supports, and deep linking only where it is offered', () => {
    const request = buildToolRegistrationRequest(
      { tool: toolUrls('https://teach.example'), clientName: 'KKO Teach' },
      platformConfig({
        scopes_supported: ['openid', SCOPE.score, SCOPE.lineItem],
        [PLATFORM_CONFIGURATION]: { product_family_code: 'x', version: '1', messages_supported: [{ type: 'LtiResourceLinkRequest' }] },
      }),
    );
    expect(request.scope).toBe(`${SCOPE.lineItem} ${SCOPE.score}`);
    expect(request[TOOL_CONFIGURATION].messages).toEqual([{ type: 'LtiResourceLinkRequest', target_link_uri: 'https://teach.example/' }]);
    expect(request[TOOL_CONFIGURATION].domain).toBe('teach.example');
  });
});
