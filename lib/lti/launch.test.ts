import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, startTestPlatform, type Forgery, type LaunchSpec, type TestPlatform } from '@/test/lti-platform';
import { createToolHarness, loopbackFetch, TARGET_LINK_URI, TOOL_CLIENT_ID, toolClient } from '@/test/lti-platform/tool-harness';
import { LtiLaunchError, type LaunchErrorCode } from './errors';
import { validateLaunch } from './launch';
import { createPlatformKeyResolver } from './platform-keys';
import { CLAIM } from './types';

let platform: TestPlatform;
let harness: ReturnType<typeof createToolHarness>;

beforeAll(async () => {
  platform = await startTestPlatform({ clients: [toolClient] });
  harness = createToolHarness(platform);
});
afterAll(() => platform.stop());

async function rejection(promise: Promise<unknown>): Promise<LtiLaunchError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof LtiLaunchError) return e;
    throw e;
  }
  throw new Error('the launch was accepted');
}

const forge = (f: Forgery): Partial<LaunchSpec> => ({ forge: f });

describe('validateLaunch accepts honest launches', () => {
  it('returns a typed resource link launch', async () => {
    const launch = await harness.launch({ custom: { module: 'cyberbullying', tier: '11-12' } });
    expect(launch.messageType).toBe('LtiResourceLinkRequest');
    if (launch.messageType !== 'LtiResourceLinkRequest') return;
    expect(launch).toMatchObject({
      issuer: platform.issuer,
      clientId: TOOL_CLIENT_ID,
      deploymentId: 'deployment-1',
      userId: 'teacher-1',
      roles: [ROLES.learner],
      locale: 'kk',
      targetLinkUri: TARGET_LINK_URI,
      resourceLink: { id: 'resource-link-1' },
      context: { id: 'staff-course-1', label: 'STAFF-101' },
      custom: { module: 'cyberbullying', tier: '11-12' },
      identity: { name: 'Aigerim Sadykova', email: 'aigerim@school.example', locale: 'kk-KZ' },
    });
    expect(launch.ags?.lineitem).toContain('/lineitems/1/lineitem?type_id=1');
    expect(launch.nrps?.context_memberships_url).toContain('/contexts/staff-course-1/memberships');
  });

  it('returns the deep linking settings of a deep linking launch', async () => {
    const launch = await harness.launch({ messageType: 'LtiDeepLinkingRequest', deepLinkingData: 'opaque-42' });
    expect(launch.messageType).toBe('LtiDeepLinkingRequest');
    if (launch.messageType !== 'LtiDeepLinkingRequest') return;
    expect(launch.deepLinking).toMatchObject({ accept_types: ['ltiResourceLink'], data: 'opaque-42' });
  });

  it('accepts several audiences when azp names this tool', async () => {
    await expect(harness.launch(forge({ aud: [TOOL_CLIENT_ID, 'another-client'], azp: TOOL_CLIENT_ID }))).resolves.toBeTruthy();
  });

  it('accepts an empty roles array (the spec allows it; role mapping decides later)', async () => {
    await expect(harness.launch({ roles: [] })).resolves.toMatchObject({ roles: [] });
  });

  it('refetches the platform JWKS once when the platform rotated its key', async () => {
    await harness.launch();
    await platform.rotateKey();
    const before = harness.jwksFetches;
    await expect(harness.launch()).resolves.toBeTruthy();
    expect(harness.jwksFetches).toBe(before + 1);
  });
});

describe('validateLaunch rejects forged or stale tokens', () => {
  const cases: [string, Partial<LaunchSpec>, LaunchErrorCode][] = [
    ['a signature by another key under the platform kid', forge({ signWith: 'foreign-key' }), 'bad_signature'],
    ['a key id the platform never published', forge({ signWith: 'unknown-kid' }), 'unknown_kid'],
    ['an unsigned token (alg none)', forge({ signWith: 'none' }), 'wrong_alg'],
    ['another issuer', forge({ iss: 'https://evil.example' }), 'wrong_iss'],
    ['another audience', forge({ aud: 'someone-else' }), 'wrong_aud'],
    ['an audience list without this tool', forge({ aud: ['a', 'b'], azp: 'a' }), 'wrong_aud'],
    ['several audiences and no azp', forge({ aud: [TOOL_CLIENT_ID, 'other'], azp: null }), 'missing_azp'],
    ['an azp naming another client', forge({ aud: [TOOL_CLIENT_ID, 'other'], azp: 'other' }), 'wrong_azp'],
    ['an expired token', forge({ expiresInSeconds: -30 }), 'expired'],
    ['a token issued in the future', forge({ iatOffsetSeconds: 120 }), 'issued_in_future'],
    ['a token issued long ago that claims to be valid', forge({ iatOffsetSeconds: -900, expiresInSeconds: 3600 }), 'issued_too_long_ago'],
    ['a nonce that was never issued', forge({ nonce: 'made-up' }), 'nonce_mismatch'],
    ['no nonce', forge({ omitClaims: ['nonce'] }), 'missing_nonce'],
    ['LTI version 1.1', forge({ version: '1.1.0' }), 'wrong_version'],
    ['no version', forge({ omitClaims: ['version'] }), 'wrong_version'],
    ['an unknown message type', forge({ messageType: 'LtiSubmissionReviewRequest' }), 'unknown_message_type'],
    ['no deployment', forge({ deploymentId: null }), 'missing_deployment'],
    ['an unknown deployment', forge({ deploymentId: 'deployment-999' }), 'unknown_deployment'],
    ['a target link to another site', forge({ targetLinkUri: 'https://evil.example/phish' }), 'foreign_target_link_uri'],
    ['a target link other than the login one', forge({ targetLinkUri: 'https://teach.example/admin' }), 'target_link_uri_mismatch'],
    ['no target link', forge({ omitClaims: ['target_link_uri'] }), 'missing_target_link_uri'],
    ['an anonymous launch', forge({ sub: null }), 'missing_sub'],
    ['no roles claim', forge({ omitClaims: ['roles'] }), 'missing_roles'],
    ['a resource link launch without resource_link', forge({ omitClaims: ['resource_link'] }), 'missing_resource_link'],
    ['a resource link without id', forge({ claims: { [CLAIM.resourceLink]: { title: 'x' } } }), 'missing_resource_link'],
    [
      'a deep linking launch without settings',
      { messageType: 'LtiDeepLinkingRequest', forge: { omitClaims: ['deep_linking_settings'] } },
      'missing_deep_linking_settings',
    ],
    [
      'deep linking settings without a return URL',
      { messageType: 'LtiDeepLinkingRequest', forge: { claims: { [CLAIM.deepLinkingSettings]: { accept_types: ['ltiResourceLink'] } } } },
      'missing_deep_linking_settings',
    ],
    ['a malformed AGS claim', forge({ claims: { [CLAIM.agsEndpoint]: { scope: 'score' } } }), 'invalid_claim'],
  ];

  it.each(cases)('rejects %s', async (_, spec, code) => {
    expect((await rejection(harness.launch(spec))).code).toBe(code);
  });

  it('rejects a replayed nonce even under a fresh login state', async () => {
    await harness.launch();
    expect((await rejection(harness.launch(forge({ replayNonce: true })))).code).toBe('nonce_replayed');
  });

  it('rejects the same launch posted twice', async () => {
    const { login, answer } = await harness.startLaunch();
    const input = { idToken: answer.id_token, state: answer.state, browserState: login.cookie.value };
    await validateLaunch(input, harness.launchDeps);
    expect((await rejection(validateLaunch(input, harness.launchDeps))).code).toBe('state_unknown');
  });

  it('keeps the nonce long enough to outlive the token', async () => {
    const { login, answer } = await harness.startLaunch();
    const payload = decodeJwt(answer.id_token);
    await validateLaunch({ idToken: answer.id_token, state: answer.state, browserState: login.cookie.value }, harness.launchDeps);
    expect(await harness.launchDeps.nonces.markUsed(payload.nonce as string, new Date(Date.now() + 60_000))).toBe(false);
  });
});

describe('validateLaunch binds the launch to the browser that logged in', () => {
  it('rejects a launch without a state field', async () => {
    expect((await rejection(harness.launch({}, { state: undefined }))).code).toBe('state_missing');
  });

  it('rejects a launch whose browser kept no state cookie', async () => {
    expect((await rejection(harness.launch({}, { browserState: undefined }))).code).toBe('state_missing');
  });

  it('rejects a state that differs from the cookie (login CSRF)', async () => {
    const other = await harness.startLaunch();
    expect((await rejection(harness.launch({}, { browserState: other.login.cookie.value }))).code).toBe('state_mismatch');
  });

  it('rejects a state this tool never issued', async () => {
    const input = { state: 'forged-state', browserState: 'forged-state' };
    expect((await rejection(harness.launch({}, input))).code).toBe('state_unknown');
  });

  it('rejects a login that has expired', async () => {
    const later = { now: () => new Date(Date.now() + 11 * 60_000) };
    expect((await rejection(harness.launch({}, {}, { clock: later }))).code).toBe('state_expired');
  });

  it('rejects a launch without an id_token', async () => {
    expect((await rejection(harness.launch({}, { idToken: '' }))).code).toBe('missing_id_token');
  });

  it('rejects garbage in place of a JWT', async () => {
    expect((await rejection(harness.launch({}, { idToken: 'not.a.jwt' }))).code).toBe('malformed_token');
  });
});

describe('validateLaunch when the registration or the platform keys fail', () => {
  it('rejects when the registration was removed between login and launch', async () => {
    const none = { findRegistration: async () => null, listRegistrations: async () => [] };
    expect((await rejection(harness.launch({}, {}, { registrations: none }))).code).toBe('unknown_registration');
  });

  it('reports an unreachable key set as such, not as a bad token', async () => {
    const registration = { ...platform.registrationFor(TOOL_CLIENT_ID), jwksUrl: `${platform.issuer}/no-such-jwks` };
    const registrations = { findRegistration: async () => registration, listRegistrations: async () => [registration] };
    const error = await rejection(harness.launch({}, {}, { registrations, platformKeys: createPlatformKeyResolver({ fetch: loopbackFetch }) }));
    expect(error.code).toBe('jwks_unavailable');
  });

  it('never fetches a key set from a private address (the default fetcher is the guarded one)', async () => {
    const registration = { ...platform.registrationFor(TOOL_CLIENT_ID), jwksUrl: 'https://169.254.169.254/latest/meta-data/jwks' };
    const registrations = { findRegistration: async () => registration, listRegistrations: async () => [registration] };
    const error = await rejection(harness.launch({}, {}, { registrations, platformKeys: createPlatformKeyResolver() }));
    expect(error.code).toBe('jwks_unavailable');
    expect(error.message).toContain('private, loopback or reserved address');
  });

  it('gives a message a person can act on, without the token', async () => {
    const { login, answer } = await harness.startLaunch(forge({ expiresInSeconds: -30 }));
    const error = await rejection(validateLaunch({ idToken: answer.id_token, state: answer.state, browserState: login.cookie.value }, harness.launchDeps));
    expect(error.message).toMatch(/expired/);
    expect(error.message).not.toContain(answer.id_token.slice(0, 20));
  });
});
