import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, startTestPlatform, type Forgery, type TestPlatform } from '@/test/lti-platform';
import { createToolHarness, TARGET_LINK_URI, TOOL_CLIENT_ID, TOOL_DEPLOYMENT_ID, toolClient } from '@/test/lti-platform/tool-harness';
import { LtiLaunchError } from './errors';
import { validateLaunch } from './launch';
import { CLAIM } from './types';

// Every run mutates several claims at once, each either to a value the spec allows or to one
// it forbids; the launch must pass exactly when every mutation is allowed.

type Mutation = { label: string; valid: boolean; forge: Forgery };

const keep: Mutation = { label: 'unchanged', valid: true, forge: {} };
const set = (name: string, value: unknown, valid: boolean): Mutation => ({
  label: `${name}=${JSON.stringify(value)}`,
  valid,
  forge: { claims: { [name]: value } },
});
const omit = (name: string): Mutation => ({ label: `no ${name}`, valid: false, forge: { omitClaims: [name] } });

function merge(mutations: Mutation[]): Forgery {
  const forgery: Forgery = { claims: {}, omitClaims: [] };
  for (const { forge } of mutations) {
    Object.assign(forgery.claims!, forge.claims);
    forgery.omitClaims!.push(...(forge.omitClaims ?? []));
    if (forge.signWith) forgery.signWith = forge.signWith;
    if (forge.azp !== undefined) forgery.azp = forge.azp;
  }
  return forgery;
}

let platform: TestPlatform;
const now = new Date(Math.floor(Date.now() / 1000) * 1000);
const epoch = Math.floor(now.getTime() / 1000);
let harness: ReturnType<typeof createToolHarness>;

beforeAll(async () => {
  platform = await startTestPlatform({ clients: [toolClient] });
  harness = createToolHarness(platform, { clock: { now: () => now } });
});
afterAll(() => platform.stop());

/**
 * One claim's mutation: mostly an allowed value, sometimes a forbidden one, so that about a
 * quarter of the runs are fully valid and most others break one or two rules at a time.
 */
function field(valid: Mutation[], invalid: Mutation[]) {
  return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...invalid) });
}

function mutations() {
  const issuer = platform.issuer;
  return fc.tuple(
    field(
      [keep],
      [
        { label: 'foreign key', valid: false, forge: { signWith: 'foreign-key' } },
        { label: 'unknown kid', valid: false, forge: { signWith: 'unknown-kid' } },
        { label: 'alg none', valid: false, forge: { signWith: 'none' } },
      ],
    ),
    field([keep], [set('iss', `${issuer}/`, false), set('iss', 'https://evil.example', false), omit('iss')]),
    field(
      [keep, set('aud', [TOOL_CLIENT_ID], true), { label: 'two audiences, azp us', valid: true, forge: { claims: { aud: [TOOL_CLIENT_ID, 'other'] } } }],
      [
        set('aud', 'other', false),
        { label: 'two audiences, no azp', valid: false, forge: { claims: { aud: [TOOL_CLIENT_ID, 'other'] }, azp: null } },
        { label: 'azp other', valid: false, forge: { azp: 'other' } },
      ],
    ),
    field(
      [set('iat', epoch - 100, true), set('iat', epoch, true), set('iat', epoch + 5, true)],
      [set('iat', epoch - 1000, false), set('iat', epoch + 100, false), omit('iat')],
    ),
    field([set('exp', epoch + 60, true), set('exp', epoch + 3600, true)], [set('exp', epoch - 100, false), omit('exp')]),
    field([keep], [set('nonce', 'other-nonce', false), set('nonce', 42, false), omit('nonce')]),
    field([keep], [set(CLAIM.version, '1.3', false), set(CLAIM.version, '1.1.0', false), set(CLAIM.version, 1.3, false), omit('version')]),
    field([keep], [set(CLAIM.messageType, 'LtiDeepLinkingRequest', false), set(CLAIM.messageType, 'Foo', false), omit('message_type')]),
    field(
      [keep],
      [set(CLAIM.deploymentId, 'deployment-x', false), set(CLAIM.deploymentId, '', false), set(CLAIM.deploymentId, 42, false), omit('deployment_id')],
    ),
    field(
      [keep],
      [set(CLAIM.targetLinkUri, `${TARGET_LINK_URI}?x=1`, false), set(CLAIM.targetLinkUri, 'https://evil.example/', false), omit('target_link_uri')],
    ),
    field([keep, set('sub', 'teacher-9', true)], [set('sub', '', false), set('sub', 7, false), omit('sub')]),
    field(
      [keep, set(CLAIM.roles, [], true), set(CLAIM.roles, [ROLES.learner, ROLES.instructor], true)],
      [set(CLAIM.roles, 'Learner', false), set(CLAIM.roles, [1], false), omit('roles')],
    ),
    field(
      [keep, set(CLAIM.resourceLink, { id: 'x' }, true)],
      [set(CLAIM.resourceLink, {}, false), set(CLAIM.resourceLink, { id: '' }, false), omit('resource_link')],
    ),
    field([keep, set(CLAIM.custom, { tier: 11 }, true)], [set(CLAIM.custom, 'tier=11', false), set(CLAIM.custom, { tier: { nested: 1 } }, false)]),
  );
}

describe('validateLaunch under random claim mutations (property)', () => {
  it('accepts a launch exactly when every mutated claim is still valid', async () => {
    let accepted = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(mutations(), async (chosen) => {
        const { login, answer } = await harness.startLaunch({ forge: merge(chosen) });
        const input = { idToken: answer.id_token, state: answer.state, browserState: login.cookie.value };
        const shouldPass = chosen.every((m) => m.valid);
        const outcome = await validateLaunch(input, harness.launchDeps).then(
          (launch) => ({ ok: true as const, launch }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        if (!outcome.ok && !(outcome.error instanceof LtiLaunchError)) throw outcome.error;
        const why = `${chosen.map((m) => m.label).join(', ')} → ${outcome.ok ? 'accepted' : (outcome.error as LtiLaunchError).code}`;
        expect(outcome.ok, why).toBe(shouldPass);
        if (outcome.ok) accepted += 1;
        else rejected += 1;
        if (outcome.ok) expect(outcome.launch).toMatchObject({ clientId: TOOL_CLIENT_ID, deploymentId: TOOL_DEPLOYMENT_ID });
      }),
      { numRuns: 400 },
    );
    // Guard against a vacuous property: both outcomes must have been exercised.
    expect(accepted).toBeGreaterThan(20);
    expect(rejected).toBeGreaterThan(100);
  });
});
