import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, startTestPlatform, type TestPlatform } from '@/test/lti-platform';
import { createToolHarness } from '@/test/lti-platform/tool-harness';
import { LtiLaunchError, LtiLoginError } from './errors';
import { validateLaunch } from './launch';
import { initiateLogin, readLoginRequest } from './login';
import { mapRoles } from './roles';
import { clearedStateCookie, serializeStateCookie, stateCookieName } from './state-cookie';
import { toolUrls, type ToolUrls } from './tool';

// The whole OIDC round trip over HTTP: the test platform acts as LMS and browser, and a bare
// node:http server wires lib/lti the way the /lti/login and /lti/launch routes will.

let platform: TestPlatform;
let server: Server;
let tool: ToolUrls;

async function readBody(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function cookiesOf(req: IncomingMessage) {
  const jar = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) jar.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return jar;
}

beforeAll(async () => {
  platform = await startTestPlatform();
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tool = toolUrls(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  platform.addClient({ clientId: 'kko-tool', deploymentIds: ['deployment-1'], redirectUris: [tool.launchUrl], initiateLoginUri: tool.loginUrl });
  const harness = createToolHarness(platform, { tool, registrations: [platform.registrationFor('kko-tool')] });

  server.on('request', async (req, res) => {
    const url = new URL(req.url ?? '/', tool.baseUrl);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    try {
      if (url.pathname === '/lti/login') {
        const body = req.method === 'POST' ? await readBody(req) : undefined;
        const request = new Request(url, { method: req.method ?? 'GET', headers: { 'content-type': req.headers['content-type'] ?? '' }, body });
        const login = await initiateLogin(await readLoginRequest(request), harness.loginDeps);
        res.writeHead(302, { location: login.redirectUrl, 'set-cookie': serializeStateCookie(login.cookie) });
        return res.end();
      }
      if (url.pathname === '/lti/launch' && req.method === 'POST') {
        const form = new URLSearchParams(await readBody(req));
        const state = form.get('state');
        const launch = await validateLaunch(
          { idToken: form.get('id_token'), state, browserState: state ? cookiesOf(req).get(stateCookieName(state)) : undefined },
          harness.launchDeps,
        );
        const role = mapRoles(launch.roles, launch.registration.roleMapping);
        return json(200, { userId: launch.userId, role, locale: launch.locale }, { 'set-cookie': serializeStateCookie(clearedStateCookie(tool, state!)) });
      }
      json(404, { error: 'not found' });
    } catch (e) {
      if (e instanceof LtiLoginError) return json(400, { code: e.code, message: e.message });
      if (e instanceof LtiLaunchError) return json(401, { code: e.code, message: e.message });
      json(500, { message: (e as Error).message });
    }
  });
});
afterAll(async () => {
  await platform.stop();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('a launch from the LMS, end to end over HTTP', () => {
  it.each(['GET', 'POST'] as const)('signs in a Learner as a teacher (login initiation by %s)', async (method) => {
    const result = await platform.launchInto(tool.loginUrl, { targetLinkUri: `${tool.baseUrl}learn/9-10/privacy` }, method);
    expect(result).toMatchObject({ stage: 'launch', status: 200 });
    expect(JSON.parse(result.body)).toEqual({ userId: 'teacher-1', role: 'teacher', locale: 'kk' });
    // The state cookie is deleted once the launch has used it.
    expect([...result.cookies.keys()].filter((name) => name.startsWith('lti_state_'))).toEqual([]);
  });

  it('signs in an institution administrator as a school admin', async () => {
    const result = await platform.launchInto(tool.loginUrl, { targetLinkUri: tool.baseUrl, roles: [ROLES.institutionAdmin] });
    expect(JSON.parse(result.body)).toMatchObject({ role: 'school_admin' });
  });

  it('answers a forged token with 401 and its reason', async () => {
    const result = await platform.launchInto(tool.loginUrl, { targetLinkUri: tool.baseUrl, forge: { signWith: 'foreign-key' } });
    expect(result).toMatchObject({ stage: 'launch', status: 401 });
    expect(JSON.parse(result.body)).toMatchObject({ code: 'bad_signature' });
  });

  it('starts the launch from a course page that frames the tool, posting the login initiation', async () => {
    const page = await fetch(platform.coursePageUrl({ targetLinkUri: tool.baseUrl }));
    const frameSrc = /<iframe[^>]* src="([^"]+)"/.exec(await page.text())?.[1];
    expect(frameSrc).toMatch(/^\/initiate\//);
    const initiate = await (await fetch(new URL(frameSrc!, platform.issuer))).text();
    expect(initiate).toContain(`action="${tool.loginUrl}"`);
    const fields = new URLSearchParams([...initiate.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')]));
    const login = await fetch(tool.loginUrl, { method: 'POST', body: fields, redirect: 'manual' });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toMatch(new RegExp(`^${platform.urls.authUrl}\\?`));
    expect(login.headers.get('set-cookie')).toMatch(/SameSite=None; Partitioned$/);
  });

  it('refuses a login whose target link leaves the tool, before the platform is contacted', async () => {
    const result = await platform.launchInto(tool.loginUrl, { targetLinkUri: 'https://evil.example/' });
    expect(result).toMatchObject({ stage: 'login', status: 400 });
    expect(JSON.parse(result.body)).toMatchObject({ code: 'foreign_target_link_uri' });
  });
});

describe('the test platform checks authentication requests like an LMS', () => {
  it.each([
    ['prompt', 'login'],
    ['response_mode', 'query'],
    ['response_type', 'code'],
    ['redirect_uri', 'https://evil.example/lti/launch'],
    ['client_id', 'someone-else'],
    ['nonce', ''],
  ])('refuses %s=%j', async (name, value) => {
    const { params } = platform.loginInitiation({ targetLinkUri: tool.baseUrl });
    const harness = createToolHarness(platform, { tool, registrations: [platform.registrationFor('kko-tool')] });
    const login = await initiateLogin(await readLoginRequest(new Request(`${tool.loginUrl}?${new URLSearchParams(params)}`)), harness.loginDeps);
    await expect(platform.authorize(login.redirectUrl)).resolves.toMatchObject({ action: tool.launchUrl });
    const tampered = new URL(login.redirectUrl);
    tampered.searchParams.set(name, value);
    await expect(platform.authorize(tampered.href)).rejects.toThrow(/refused the authentication request/);
  });
});
