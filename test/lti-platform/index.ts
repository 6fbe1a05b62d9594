import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerAuthRequest, handleAuthorize, type AuthorizeAnswer } from './authorize';
import { browserLaunch, type BrowserLaunchResult } from './browser';
import { ClientRegistry } from './clients';
import { handleCoursePage, handleInitiate, handleStorageFrame } from './course-page';
import { handleDeepLinkReturn } from './deep-linking-return';
import { sendError, sendJson } from './http';
import { KeyRing } from './key-ring';
import { handleOpenidConfiguration, handleRegister } from './registration';
import { handleMemberships, handleScores } from './services';
import type { AllPlatformUrls, PlatformState } from './state';
import { handleToken } from './token-endpoint';
import type { LaunchSpec, Member, ScoreMode, ToolClient } from './types';
import { ROLES } from './vocabulary';

export type * from './types';
export type { AuthorizeAnswer } from './authorize';
export type { BrowserLaunchResult } from './browser';
export { ROLES } from './vocabulary';

export type TestPlatformOptions = {
  /** Tools registered by hand; dynamic registration adds more. */
  clients?: ToolClient[];
  /** Defaults for every launch (the first client, a Learner in a staff course, otherwise). */
  launch?: Partial<Omit<LaunchSpec, 'forge'>>;
  members?: Member[];
  membersPageSize?: number;
  lineItemIds?: string[];
  idTokenTtlSeconds?: number;
  accessTokenTtlSeconds?: number;
  /** Announce another issuer in the OpenID configuration than the platform's own origin. */
  configurationIssuer?: string;
  /**
   * The host name in the platform's URLs (default 127.0.0.1). `localhost` makes the platform
   * another site than a tool on 127.0.0.1, so the tool's cookies in the course frame are
   * third-party, as with a real LMS.
   */
  hostname?: string;
  /** A fixed port instead of an ephemeral one, with `keyFile`: the same LMS across test files. */
  port?: number;
  /** Where the signing key is kept (see KeyRing.persistent); default a new key. */
  keyFile?: string;
};

export type LoginInitiation = {
  params: Record<string, string>;
  /** The tool's initiate_login_uri with the parameters, when the client registered one. */
  url: string | undefined;
  spec: LaunchSpec;
};

export const DEFAULT_USER = {
  sub: 'teacher-1',
  name: 'Aigerim Sadykova',
  givenName: 'Aigerim',
  familyName: 'Sadykova',
  email: 'aigerim@school.example',
  locale: 'kk-KZ',
};

export const DEFAULT_MEMBERS: Member[] = [
  { user_id: DEFAULT_USER.sub, roles: [ROLES.learner], name: DEFAULT_USER.name, email: DEFAULT_USER.email },
  { user_id: 'teacher-2', roles: [ROLES.learner], name: 'Daniyar Akhmetov' },
  { user_id: 'teacher-3', roles: [ROLES.learner], name: 'Saule Nurlanovna', status: 'Inactive' },
  { user_id: 'methodist-1', roles: [ROLES.instructor], name: 'Gulnara Bekova' },
  { user_id: 'director-1', roles: [ROLES.contextAdmin, ROLES.institutionAdmin], name: 'Yerlan Omarov' },
];

const MAX_PENDING_LAUNCHES = 10_000;
const SCORES_PATH = /^\/contexts\/([^/]+)\/lineitems\/([^/]+)\/lineitem\/scores$/;
const MEMBERSHIPS_PATH = /^\/contexts\/([^/]+)\/memberships$/;
const COURSE_PATH = /^\/(course|initiate)\/([^/]+)$/;

function platformUrls(base: string): AllPlatformUrls {
  const ctx = (id: string) => `${base}/contexts/${encodeURIComponent(id)}`;
  return {
    issuer: base,
    authUrl: `${base}/auth`,
    tokenUrl: `${base}/token`,
    jwksUrl: `${base}/jwks`,
    openidConfigurationUrl: `${base}/.well-known/openid-configuration`,
    registrationEndpoint: `${base}/register`,
    deepLinkReturnUrl: `${base}/deep-linking/return`,
    lineItemsUrl: (contextId) => `${ctx(contextId)}/lineitems`,
    // Moodle-shaped: the line item URL carries a query string.
    lineItemUrl: (contextId, id) => `${ctx(contextId)}/lineitems/${encodeURIComponent(id)}/lineitem?type_id=1`,
    membershipsUrl: (contextId) => `${ctx(contextId)}/memberships`,
  };
}

async function route(state: PlatformState, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', state.urls.issuer);
  const method = req.method ?? 'GET';
  const path = url.pathname;
  if (path === '/jwks' && method === 'GET') return sendJson(res, 200, await state.keys.jwks());
  if (path === '/auth' && (method === 'GET' || method === 'POST')) return handleAuthorize(state, req, res, url);
  if (path === '/token' && method === 'POST') return handleToken(state, req, res);
  if (path === '/.well-known/openid-configuration' && method === 'GET') return handleOpenidConfiguration(state, res);
  if (path === '/register' && method === 'POST') return handleRegister(state, req, res);
  if (path === '/deep-linking/return' && method === 'POST') return handleDeepLinkReturn(state, req, res);
  const scores = SCORES_PATH.exec(path);
  if (scores && method === 'POST') return handleScores(state, req, res, decodeURIComponent(scores[1]!), decodeURIComponent(scores[2]!));
  const memberships = MEMBERSHIPS_PATH.exec(path);
  if (memberships && method === 'GET') return handleMemberships(state, req, res, url, decodeURIComponent(memberships[1]!));
  if (path === '/storage-frame' && method === 'GET') return handleStorageFrame(res);
  const page = COURSE_PATH.exec(path);
  if (page && method === 'GET') {
    const hint = decodeURIComponent(page[2]!);
    return page[1] === 'course' ? handleCoursePage(state, res, hint) : handleInitiate(state, res, hint);
  }
  sendError(res, 404, 'not_found', `${method} ${path} is not an endpoint of this platform.`);
}

/**
 * A minimal but real LTI 1.3 platform on an ephemeral localhost port: it signs id_tokens with
 * its own published key, checks the tool's requests as an LMS would, and records the scores,
 * token requests, deep-linking returns and registrations it receives.
 */
export async function startTestPlatform(opts: TestPlatformOptions = {}) {
  const keys = opts.keyFile ? await KeyRing.persistent(opts.keyFile) : await KeyRing.create();
  const clients = new ClientRegistry();
  for (const client of opts.clients ?? []) clients.add(client);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const urls = platformUrls(`http://${opts.hostname ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`);
  const first = opts.clients?.[0];
  const state: PlatformState = {
    urls,
    keys,
    clients,
    defaults: {
      clientId: first?.clientId ?? 'kko-tool',
      deploymentId: first?.deploymentIds[0] ?? 'deployment-1',
      targetLinkUri: first?.targetLinkUri ?? 'https://tool.example/learn',
      messageType: 'LtiResourceLinkRequest',
      user: DEFAULT_USER,
      roles: [ROLES.learner],
      context: { id: 'staff-course-1', label: 'STAFF-101', title: 'Online safety training for staff' },
      resourceLink: { id: 'resource-link-1', title: 'Cyberbullying: ages 11-12' },
      locale: 'kk',
      lineItemId: '1',
      ...opts.launch,
    },
    launches: new Map(),
    accessTokens: new Map(),
    usedAssertionIds: new Set(),
    registrationTokens: new Set(),
    lastNonce: undefined,
    members: opts.members ?? DEFAULT_MEMBERS,
    pageSize: opts.membersPageSize ?? 2,
    lineItemIds: new Set(opts.lineItemIds ?? ['1']),
    idTokenTtlSeconds: opts.idTokenTtlSeconds ?? 60,
    accessTokenTtlSeconds: opts.accessTokenTtlSeconds ?? 3600,
    configurationIssuer: opts.configurationIssuer,
    scoreMode: 'accept',
    tokenEndpointUp: true,
    membershipsUp: true,
    membershipRequests: 0,
    scores: [],
    scoreRequests: 0,
    tokenRequests: [],
    deepLinkReturns: [],
    registrations: [],
  };
  server.on('request', (req, res) => {
    route(state, req, res).catch((e: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'server_error', (e as Error).message);
      else res.destroy();
    });
  });

  function loginInitiation(overrides: Partial<LaunchSpec> = {}, options: { omitClientId?: boolean } = {}): LoginInitiation {
    const spec: LaunchSpec = { ...state.defaults, ...overrides };
    const hint = randomBytes(12).toString('base64url');
    state.launches.set(hint, spec);
    if (state.launches.size > MAX_PENDING_LAUNCHES) state.launches.delete(state.launches.keys().next().value!);
    const params: Record<string, string> = {
      iss: urls.issuer,
      login_hint: spec.user.sub,
      target_link_uri: spec.targetLinkUri,
      lti_message_hint: hint,
      lti_deployment_id: spec.deploymentId,
      ...(options.omitClientId ? {} : { client_id: spec.clientId }),
      ...(spec.storageTarget ? { lti_storage_target: spec.storageTarget } : {}),
    };
    const loginUri = clients.get(spec.clientId)?.initiateLoginUri;
    return { params, url: loginUri ? `${loginUri}?${new URLSearchParams(params)}` : undefined, spec };
  }

  return {
    urls,
    issuer: urls.issuer,
    /** The registration a tool stores for this platform and client. */
    registrationFor(clientId: string) {
      const client = clients.get(clientId);
      if (!client) throw new Error(`unknown client ${clientId}`);
      return { issuer: urls.issuer, clientId, authUrl: urls.authUrl, tokenUrl: urls.tokenUrl, jwksUrl: urls.jwksUrl, deploymentIds: [...client.deploymentIds] };
    },
    addClient: (client: ToolClient) => clients.add(client),
    loginInitiation,
    /** The auth endpoint's answer to an authentication request URL, without going over HTTP. */
    async authorize(authRequestUrl: string): Promise<AuthorizeAnswer> {
      const answer = await answerAuthRequest(state, new URL(authRequestUrl).searchParams);
      if ('error' in answer) throw new Error(`The platform refused the authentication request: ${answer.error}`);
      return answer;
    },
    /**
     * A course page of this LMS that embeds the tool in an iframe and starts the launch there
     * (login initiation by form POST, as Moodle does). For Playwright iframe launches.
     */
    coursePageUrl(overrides: Partial<LaunchSpec> = {}): string {
      const hint = loginInitiation(overrides).params.lti_message_hint!;
      return `${urls.issuer}/course/${encodeURIComponent(hint)}`;
    },
    /** Acts as the browser: login initiation at the tool, the platform's auth step, the launch POST. */
    launchInto(loginUrl: string, overrides: Partial<LaunchSpec> = {}, method: 'GET' | 'POST' = 'POST'): Promise<BrowserLaunchResult> {
      return browserLaunch(loginUrl, loginInitiation(overrides).params, method);
    },
    rotateKey: () => keys.rotate(),
    setScoreMode(mode: ScoreMode) {
      state.scoreMode = mode;
    },
    setTokenEndpointUp(up: boolean) {
      state.tokenEndpointUp = up;
    },
    /** Takes the roster service (NRPS) down or brings it back. */
    setMembershipsUp(up: boolean) {
      state.membershipsUp = up;
    },
    /** Revokes every access token before its expiry, as an LMS may. */
    revokeAccessTokens() {
      state.accessTokens.clear();
    },
    /** What an LMS admin gets when adding a tool by URL: the two query parameters for /lti/register. */
    startDynamicRegistration() {
      const registrationToken = randomBytes(24).toString('base64url');
      state.registrationTokens.add(registrationToken);
      return { openidConfigurationUrl: urls.openidConfigurationUrl, registrationToken };
    },
    scores: state.scores,
    tokenRequests: state.tokenRequests,
    deepLinkReturns: state.deepLinkReturns,
    registrations: state.registrations,
    get scoreRequests() {
      return state.scoreRequests;
    },
    get membershipRequests() {
      return state.membershipRequests;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

export type TestPlatform = Awaited<ReturnType<typeof startTestPlatform>>;
