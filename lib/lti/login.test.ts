import { describe, expect, it } from 'vitest';
import { LtiLoginError, type LoginErrorCode } from './errors';
import { initiateLogin, parseLoginParams, readLoginRequest, type LoginDeps } from './login';
import { MemoryLoginStateStore, memoryRegistrations } from './memory-stores';
import { clearedStateCookie, serializeStateCookie, stateCookieName } from './state-cookie';
import { isToolUrl, toolUrls } from './tool';
import type { Registration } from './types';

const tool = toolUrls('https://teach.example');
const now = new Date('2026-03-01T10:00:00Z');

const registration = (clientId: string, deploymentIds: string[]): Registration => ({
  issuer: 'https://lms.example',
  clientId,
  authUrl: 'https://lms.example/mod/lti/auth.php?from=tool',
  tokenUrl: 'https://lms.example/mod/lti/token.php',
  jwksUrl: 'https://lms.example/mod/lti/certs.php',
  deploymentIds,
});

function deps(registrations: Registration[]): LoginDeps & { loginStates: MemoryLoginStateStore } {
  return { tool, registrations: memoryRegistrations(registrations), loginStates: new MemoryLoginStateStore(), clock: { now: () => now } };
}

const params = {
  iss: 'https://lms.example',
  login_hint: 'user-7',
  target_link_uri: 'https://teach.example/learn/9-10/privacy',
  lti_message_hint: 'msg-1',
  client_id: 'client-a',
};

async function loginError(promise: Promise<unknown>): Promise<LoginErrorCode> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LtiLoginError)) throw new Error(`expected an LtiLoginError, got ${String(error)}`);
  return error.code;
}

describe('readLoginRequest', () => {
  it('reads the parameters of a GET initiation', async () => {
    const request = new Request(`https://teach.example/lti/login?${new URLSearchParams(params)}`);
    expect(await readLoginRequest(request)).toEqual(params);
  });

  it('reads the parameters of a POST initiation and drops empty optional fields', async () => {
    const body = new URLSearchParams({ ...params, lti_deployment_id: '', lti_storage_target: '_parent' });
    const request = new Request('https://teach.example/lti/login', { method: 'POST', body });
    expect(await readLoginRequest(request)).toEqual({ ...params, lti_storage_target: '_parent' });
  });

  it('refuses other methods', async () => {
    expect(await loginError(readLoginRequest(new Request('https://teach.example/lti/login', { method: 'PUT' })))).toBe('invalid_param');
  });

  it('names every missing required parameter', () => {
    expect(() => parseLoginParams(new URLSearchParams({ iss: 'https://lms.example' }))).toThrow(/login_hint, target_link_uri/);
  });
});

describe('initiateLogin', () => {
  it('redirects to the platform with every OIDC parameter, keeping the auth URL query', async () => {
    const d = deps([registration('client-a', ['1'])]);
    const result = await initiateLogin(parseLoginParams(params), d);
    const url = new URL(result.redirectUrl);
    expect(url.origin + url.pathname).toBe('https://lms.example/mod/lti/auth.php');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: 'tool',
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: 'client-a',
      redirect_uri: 'https://teach.example/lti/launch',
      login_hint: 'user-7',
      lti_message_hint: 'msg-1',
      state: result.state,
      nonce: result.nonce,
    });
  });

  it('remembers the login for the launch, with its expiry', async () => {
    const d = deps([registration('client-a', ['1'])]);
    const result = await initiateLogin(parseLoginParams(params), { ...d, stateTtlSeconds: 300 });
    expect(await d.loginStates.take(result.state)).toEqual({
      state: result.state,
      nonce: result.nonce,
      issuer: 'https://lms.example',
      clientId: 'client-a',
      targetLinkUri: params.target_link_uri,
      expiresAt: new Date(now.getTime() + 300_000),
    });
  });

  it('creates a fresh, unguessable state and nonce every time', async () => {
    const d = deps([registration('client-a', ['1'])]);
    const a = await initiateLogin(parseLoginParams(params), d);
    const b = await initiateLogin(parseLoginParams(params), d);
    expect(new Set([a.state, a.nonce, b.state, b.nonce]).size).toBe(4);
    expect(a.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('sets a state cookie that survives a cross-site form POST in an iframe', async () => {
    const result = await initiateLogin(parseLoginParams(params), deps([registration('client-a', ['1'])]));
    expect(result.cookie).toEqual({
      name: stateCookieName(result.state),
      value: result.state,
      options: { httpOnly: true, secure: true, sameSite: 'none', partitioned: true, path: '/lti/launch', maxAge: 600 },
    });
    expect(serializeStateCookie(result.cookie)).toBe(
      `lti_state_${result.state}=${result.state}; Path=/lti/launch; Max-Age=600; HttpOnly; Secure; SameSite=None; Partitioned`,
    );
    expect(clearedStateCookie(tool, result.state)).toMatchObject({ value: '', options: { maxAge: 0 } });
  });

  it('passes the platform storage target on', async () => {
    const result = await initiateLogin(parseLoginParams({ ...params, lti_storage_target: '_parent' }), deps([registration('client-a', ['1'])]));
    expect(result.storageTarget).toBe('_parent');
  });

  it('finds the only registration of an issuer when the platform sends no client_id', async () => {
    const { client_id: _, ...withoutClient } = params;
    const result = await initiateLogin(parseLoginParams(withoutClient), deps([registration('client-a', ['1'])]));
    expect(result.registration.clientId).toBe('client-a');
  });

  it('refuses to guess between several registrations of one issuer', async () => {
    const { client_id: _, ...withoutClient } = params;
    const d = deps([registration('client-a', ['1']), registration('client-b', ['2'])]);
    expect(await loginError(initiateLogin(parseLoginParams(withoutClient), d))).toBe('ambiguous_registration');
  });

  it('lets the deployment id single out the registration when client_id is absent', async () => {
    const { client_id: _, ...withoutClient } = params;
    const d = deps([registration('client-a', ['1']), registration('client-b', ['2'])]);
    const result = await initiateLogin(parseLoginParams({ ...withoutClient, lti_deployment_id: '2' }), d);
    expect(result.registration.clientId).toBe('client-b');
  });

  it('refuses an unknown issuer or client', async () => {
    const d = deps([registration('client-a', ['1'])]);
    expect(await loginError(initiateLogin(parseLoginParams({ ...params, client_id: 'client-z' }), d))).toBe('unknown_registration');
    expect(await loginError(initiateLogin(parseLoginParams({ ...params, iss: 'https://other.example' }), d))).toBe('unknown_registration');
  });

  it.each([
    ['another site', 'https://evil.example/learn'],
    ['a look-alike host', 'https://teach.example.evil.example/learn'],
    ['credentials in the URL', 'https://teach.example@evil.example/learn'],
    ['plain http on our host', 'http://teach.example/learn'],
    ['not a URL', 'javascript:alert(1)'],
  ])('refuses a target link to %s (open redirect)', async (_, target) => {
    const saved: unknown[] = [];
    const d = { ...deps([registration('client-a', ['1'])]), loginStates: { save: async (l: unknown) => void saved.push(l), take: async () => null } };
    expect(await loginError(initiateLogin(parseLoginParams({ ...params, target_link_uri: target }), d))).toBe('foreign_target_link_uri');
    expect(saved).toEqual([]);
  });
});

describe('isToolUrl with a tool under a path', () => {
  const mounted = toolUrls('https://school.example/teach');
  it('accepts URLs under the base path only', () => {
    expect(mounted.launchUrl).toBe('https://school.example/teach/lti/launch');
    expect(isToolUrl(mounted, 'https://school.example/teach/learn')).toBe(true);
    expect(isToolUrl(mounted, 'https://school.example/teach')).toBe(true);
    expect(isToolUrl(mounted, 'https://school.example/teacher-portal')).toBe(false);
    expect(isToolUrl(mounted, 'https://school.example/other')).toBe(false);
  });
});
