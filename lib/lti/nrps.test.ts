import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MEMBERS, ROLES, startTestPlatform, type TestPlatform } from '@/test/lti-platform';
import { serveJwks } from '@/test/lti-platform/jwks-server';
import { loopbackFetch, TOOL_CLIENT_ID, toolClient } from '@/test/lti-platform/tool-harness';
import { createAccessTokenProvider } from './access-token';
import { LtiServiceError } from './errors';
import { buildToolJwks, generateToolKeyPair, importToolSigningKey } from './keys';
import { parseLinkHeader } from './link-header';
import { fetchMemberships, MEMBERSHIP_MEDIA_TYPE } from './nrps';
import type { ServiceContext } from './service-http';
import type { Registration } from './types';

let platform: TestPlatform;
let jwksServer: Awaited<ReturnType<typeof serveJwks>>;
let ctx: ServiceContext;
let registration: Registration;
let membershipsUrl: string;

beforeAll(async () => {
  const pair = await generateToolKeyPair();
  const signingKey = await importToolSigningKey(pair.privateJwk);
  jwksServer = await serveJwks(() => buildToolJwks([{ publicJwk: pair.publicJwk, status: 'current' }]));
  platform = await startTestPlatform({ clients: [{ ...toolClient, jwksUrl: jwksServer.url }], membersPageSize: 2 });
  registration = platform.registrationFor(TOOL_CLIENT_ID);
  membershipsUrl = platform.urls.membershipsUrl('staff-course-1');
  ctx = { tokens: createAccessTokenProvider({ signingKey: async () => signingKey, fetch: loopbackFetch }), fetch: loopbackFetch };
});
afterAll(async () => {
  await platform.stop();
  await jwksServer.stop();
});

/** A fetch that answers every request with the given page, recording the URLs asked for. */
function fakePages(pages: Record<string, { body: unknown; link?: string }>, asked: string[] = []): typeof fetch {
  return async (input) => {
    const url = String(input);
    asked.push(url);
    const page = pages[url];
    if (!page) return new Response('{}', { status: 404 });
    return new Response(JSON.stringify(page.body), {
      status: 200,
      headers: { 'content-type': MEMBERSHIP_MEDIA_TYPE, ...(page.link ? { link: page.link } : {}) },
    });
  };
}

const fakeTokens = { get: async () => 'token', invalidate: async () => undefined };
const lmsExample: Registration = {
  issuer: 'https://lms.example',
  clientId: 'kko-tool',
  authUrl: 'https://lms.example/auth',
  tokenUrl: 'https://lms.example/token',
  jwksUrl: 'https://lms.example/jwks',
  deploymentIds: ['1'],
};

describe('fetchMemberships', () => {
  it('follows rel="next" through every page of the roster', async () => {
    const roster = await fetchMemberships(ctx, { registration, contextMembershipsUrl: membershipsUrl });
    expect(roster.context).toEqual({ id: 'staff-course-1', label: 'STAFF-101', title: 'Online safety training for staff' });
    expect(roster.members.map((m) => m.userId)).toEqual(DEFAULT_MEMBERS.map((m) => m.user_id));
    expect(roster.members[0]).toEqual({
      userId: 'teacher-1',
      roles: [ROLES.learner],
      status: 'Active',
      name: 'Aigerim Sadykova',
      email: 'aigerim@school.example',
    });
    expect(roster.members.find((m) => m.userId === 'teacher-3')?.status).toBe('Inactive');
  });

  it('asks for one role and a page size', async () => {
    const roster = await fetchMemberships(ctx, { registration, contextMembershipsUrl: membershipsUrl, role: ROLES.learner, limit: 1 });
    expect(roster.members.map((m) => m.userId)).toEqual(['teacher-1', 'teacher-2', 'teacher-3']);
  });

  it('survives a revoked token with one fresh token', async () => {
    await fetchMemberships(ctx, { registration, contextMembershipsUrl: membershipsUrl });
    platform.revokeAccessTokens();
    await expect(fetchMemberships(ctx, { registration, contextMembershipsUrl: membershipsUrl })).resolves.toMatchObject({
      members: expect.any(Array),
    });
  });

  it('stops when the next links go round in a circle', async () => {
    const url = 'https://lms.example/memberships';
    const fetchImpl = fakePages({ [url]: { body: { members: [] }, link: `<${url}>; rel="next"` } });
    const error = await fetchMemberships({ tokens: fakeTokens, fetch: fetchImpl }, { registration: lmsExample, contextMembershipsUrl: url }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LtiServiceError);
    expect(error).toMatchObject({ code: 'invalid_response', retryable: false });
  });

  it('never sends its token to another origin named by a next link', async () => {
    const url = 'https://lms.example/memberships';
    const asked: string[] = [];
    const fetchImpl = fakePages({ [url]: { body: { members: [] }, link: '<https://evil.example/steal>; rel="next"' } }, asked);
    await expect(fetchMemberships({ tokens: fakeTokens, fetch: fetchImpl }, { registration: lmsExample, contextMembershipsUrl: url })).rejects.toMatchObject({
      code: 'invalid_response',
    });
    expect(asked).toEqual([url]);
  });

  it("never asks for a roster on another host than the registration's, and never gets a token for it", async () => {
    const asked: string[] = [];
    let tokensAsked = 0;
    const countingTokens = { get: async () => (tokensAsked++, 'token'), invalidate: async () => undefined };
    const url = 'https://internal.example/memberships';
    const fetchImpl = fakePages({ [url]: { body: { members: [] } } }, asked);
    await expect(
      fetchMemberships({ tokens: countingTokens, fetch: fetchImpl }, { registration: lmsExample, contextMembershipsUrl: url }),
    ).rejects.toMatchObject({
      code: 'refused',
      retryable: false,
    });
    expect(asked).toEqual([]);
    expect(tokensAsked).toBe(0);
  });

  it('rejects a page without members', async () => {
    const url = 'https://lms.example/memberships';
    const fetchImpl = fakePages({ [url]: { body: { id: url } } });
    await expect(fetchMemberships({ tokens: fakeTokens, fetch: fetchImpl }, { registration: lmsExample, contextMembershipsUrl: url })).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });
});

describe('parseLinkHeader', () => {
  const base = 'https://lms.example/api/memberships?page=1';

  it('reads several links and relation lists, resolving relative URLs', () => {
    const links = parseLinkHeader('<?page=2>; rel="next differences", <https://lms.example/api/memberships?page=9>; rel=last', base);
    expect(links.get('next')).toBe('https://lms.example/api/memberships?page=2');
    expect(links.get('differences')).toBe('https://lms.example/api/memberships?page=2');
    expect(links.get('last')).toBe('https://lms.example/api/memberships?page=9');
  });

  it('keeps commas inside URLs and ignores links without rel', () => {
    const links = parseLinkHeader('<https://lms.example/m?ids=1,2,3>; rel="next", <https://lms.example/x>; title="x"', base);
    expect(links.get('next')).toBe('https://lms.example/m?ids=1,2,3');
    expect(links.size).toBe(1);
  });

  it('is empty without a header', () => {
    expect(parseLinkHeader(null, base).size).toBe(0);
  });
});
