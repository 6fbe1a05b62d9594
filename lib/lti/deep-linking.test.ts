import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '@/test/lti-platform';
import { serveJwks } from '@/test/lti-platform/jwks-server';
import { createToolHarness, TOOL_BASE_URL, TOOL_CLIENT_ID, toolClient } from '@/test/lti-platform/tool-harness';
import { buildDeepLinkingResponse, deepLinkingResponseHtml, type DeepLinkItem } from './deep-linking';
import { DeepLinkingError } from './errors';
import { buildToolJwks, generateToolKeyPair, importToolSigningKey, type ToolKeyPair, type ToolSigningKey } from './keys';
import type { DeepLinkingLaunch } from './launch';
import { CLAIM } from './types';

let platform: TestPlatform;
let jwksServer: Awaited<ReturnType<typeof serveJwks>>;
let keyPair: ToolKeyPair;
let signingKey: ToolSigningKey;
let harness: ReturnType<typeof createToolHarness>;

beforeAll(async () => {
  keyPair = await generateToolKeyPair();
  signingKey = await importToolSigningKey(keyPair.privateJwk);
  jwksServer = await serveJwks(() => buildToolJwks([{ publicJwk: keyPair.publicJwk, status: 'current' }]));
  platform = await startTestPlatform({ clients: [{ ...toolClient, jwksUrl: jwksServer.url }] });
  harness = createToolHarness(platform);
});
afterAll(async () => {
  await platform.stop();
  await jwksServer.stop();
});

const item = (slug: string, tier: string): DeepLinkItem => ({
  url: `${TOOL_BASE_URL}/learn/${tier}/${slug}`,
  title: `${slug} (ages ${tier})`,
  custom: { module: slug, tier },
  lineItem: { label: `${slug} quiz (${tier})`, resourceId: `${slug}:${tier}`, tag: 'quiz' },
});

async function deepLinkingLaunch(overrides: { acceptMultiple?: boolean } = {}): Promise<DeepLinkingLaunch> {
  const launch = await harness.launch({ messageType: 'LtiDeepLinkingRequest', deepLinkingData: 'session-77', ...overrides });
  if (launch.messageType !== 'LtiDeepLinkingRequest') throw new Error('expected a deep linking launch');
  return launch;
}

describe('buildDeepLinkingResponse', () => {
  it('signs a response that verifies with the tool JWKS and carries one link and line item per module', async () => {
    const launch = await deepLinkingLaunch();
    const items = [item('cyberbullying', '11-12'), item('privacy', '9-10')];
    const { jwt, returnUrl } = await buildDeepLinkingResponse({ launch, items, signingKey, message: 'Added 2 modules' });
    expect(returnUrl).toBe(platform.urls.deepLinkReturnUrl);

    const jwks = createLocalJWKSet(buildToolJwks([{ publicJwk: keyPair.publicJwk, status: 'current' }]));
    const { payload, protectedHeader } = await jwtVerify(jwt, jwks, { issuer: TOOL_CLIENT_ID, audience: platform.issuer, algorithms: ['RS256'] });
    expect(protectedHeader.kid).toBe(keyPair.kid);
    expect(payload).toMatchObject({
      nonce: expect.any(String),
      [CLAIM.messageType]: 'LtiDeepLinkingResponse',
      [CLAIM.version]: '1.3.0',
      [CLAIM.deploymentId]: 'deployment-1',
      [CLAIM.deepLinkingData]: 'session-77',
      [CLAIM.deepLinkingMsg]: 'Added 2 modules',
    });
    expect(payload[CLAIM.contentItems]).toEqual([
      {
        type: 'ltiResourceLink',
        url: `${TOOL_BASE_URL}/learn/11-12/cyberbullying`,
        title: 'cyberbullying (ages 11-12)',
        custom: { module: 'cyberbullying', tier: '11-12' },
        lineItem: { scoreMaximum: 100, label: 'cyberbullying quiz (11-12)', resourceId: 'cyberbullying:11-12', tag: 'quiz' },
      },
      expect.objectContaining({ url: `${TOOL_BASE_URL}/learn/9-10/privacy`, lineItem: expect.objectContaining({ scoreMaximum: 100 }) }),
    ]);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBeLessThanOrEqual(300);
  });

  it('completes the round trip: the platform verifies the response against the tool JWKS URL', async () => {
    const launch = await deepLinkingLaunch();
    const response = await buildDeepLinkingResponse({ launch, items: [item('grooming', '13-14')], signingKey });
    const answer = await fetch(response.returnUrl, { method: 'POST', body: new URLSearchParams({ JWT: response.jwt }) });
    expect(answer.status).toBe(200);
    expect(platform.deepLinkReturns.at(-1)).toMatchObject({
      ok: true,
      clientId: TOOL_CLIENT_ID,
      deploymentId: 'deployment-1',
      data: 'session-77',
      contentItems: [{ type: 'ltiResourceLink', lineItem: { resourceId: 'grooming:13-14', scoreMaximum: 100 } }],
    });
  });

  it('is rejected by the platform when signed with a key the tool does not publish', async () => {
    const launch = await deepLinkingLaunch();
    const stranger = await importToolSigningKey((await generateToolKeyPair()).privateJwk);
    const response = await buildDeepLinkingResponse({ launch, items: [item('grooming', '13-14')], signingKey: stranger });
    const answer = await fetch(response.returnUrl, { method: 'POST', body: new URLSearchParams({ JWT: response.jwt }) });
    expect(answer.status).toBe(400);
    expect(platform.deepLinkReturns.at(-1)).toMatchObject({ ok: false });
  });

  it('answers a cancelled pick with no items, and leaves out data the platform did not send', async () => {
    const launch = await deepLinkingLaunch();
    const { deepLinking } = launch;
    const { data: _, ...withoutData } = deepLinking;
    const { jwt } = await buildDeepLinkingResponse({ launch: { ...launch, deepLinking: withoutData }, items: [], signingKey });
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(buildToolJwks([{ publicJwk: keyPair.publicJwk, status: 'current' }])));
    expect(payload[CLAIM.contentItems]).toEqual([]);
    expect(payload).not.toHaveProperty([CLAIM.deepLinkingData]);
  });

  it('refuses several items where the placement accepts one', async () => {
    const launch = await deepLinkingLaunch({ acceptMultiple: false });
    const attempt = buildDeepLinkingResponse({ launch, items: [item('a', '9-10'), item('b', '9-10')], signingKey });
    await expect(attempt).rejects.toBeInstanceOf(DeepLinkingError);
    await expect(attempt).rejects.toMatchObject({ code: 'single_item_only' });
  });

  it('refuses resource links where the placement does not take them', async () => {
    const launch = await deepLinkingLaunch();
    const linksOnly = { ...launch, deepLinking: { ...launch.deepLinking, accept_types: ['link'] } };
    await expect(buildDeepLinkingResponse({ launch: linksOnly, items: [item('a', '9-10')], signingKey })).rejects.toMatchObject({
      code: 'type_not_accepted',
    });
  });
});

describe('deepLinkingResponseHtml', () => {
  it('posts field JWT to the return URL, escaping both', () => {
    const html = deepLinkingResponseHtml({ jwt: 'a.b.c', returnUrl: 'https://lms.example/return?x=1&y="2"' }, { scriptNonce: 'n0nce' });
    expect(html).toContain('action="https://lms.example/return?x=1&amp;y=&quot;2&quot;"');
    expect(html).toContain('<input type="hidden" name="JWT" value="a.b.c">');
    expect(html).toContain('<script nonce="n0nce">');
  });
});
