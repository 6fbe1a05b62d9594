import { initiateLogin, parseLoginParams, type LoginDeps, type LoginRedirect } from '@/lib/lti/login';
import { validateLaunch, type LaunchDeps, type LaunchInput, type LtiLaunch } from '@/lib/lti/launch';
import { MemoryLoginStateStore, MemoryNonceStore, memoryRegistrations } from '@/lib/lti/memory-stores';
import { createPlatformKeyResolver } from '@/lib/lti/platform-keys';
import { createGuardedFetch } from '@/lib/net/guarded-fetch';
import type { Clock } from '@/lib/lti/stores';
import { toolUrls, type ToolUrls } from '@/lib/lti/tool';
import type { Registration } from '@/lib/lti/types';
import type { AuthorizeAnswer, TestPlatform } from './index';
import type { LaunchSpec } from './types';

// The tool side of the launch tests: lib/lti wired to in-memory stores, talking to the test
// platform over HTTP. Not part of the platform itself.

export const TOOL_BASE_URL = 'https://teach.example';
export const TOOL_CLIENT_ID = 'kko-tool';
export const TOOL_DEPLOYMENT_ID = 'deployment-1';
export const TARGET_LINK_URI = `${TOOL_BASE_URL}/learn/11-12/cyberbullying`;

export const tool = toolUrls(TOOL_BASE_URL);

/** The guarded fetcher as the e2e server runs it (LTI_ALLOW_LOOPBACK_HTTP=1): the test platform is on http://127.0.0.1. */
export const loopbackFetch = createGuardedFetch({ allowLoopbackHttp: true });

export const toolClient = {
  clientId: TOOL_CLIENT_ID,
  deploymentIds: [TOOL_DEPLOYMENT_ID],
  redirectUris: [tool.launchUrl],
  targetLinkUri: TARGET_LINK_URI,
};

export function createToolHarness(platform: TestPlatform, options: { clock?: Clock; registrations?: Registration[]; tool?: ToolUrls } = {}) {
  const toolAt = options.tool ?? tool;
  const registrations = options.registrations ?? [platform.registrationFor(TOOL_CLIENT_ID)];
  let jwksFetches = 0;
  const countingFetch: typeof loopbackFetch = (input, init) => {
    jwksFetches += 1;
    return loopbackFetch(input, init);
  };
  const clock = options.clock;
  const loginDeps: LoginDeps = {
    tool: toolAt,
    registrations: memoryRegistrations(registrations),
    loginStates: new MemoryLoginStateStore(clock),
    ...(clock ? { clock } : {}),
  };
  const launchDeps: LaunchDeps = {
    tool: toolAt,
    registrations: loginDeps.registrations,
    loginStates: loginDeps.loginStates,
    nonces: new MemoryNonceStore(clock),
    // No cooldown, so a test can rotate the platform key and launch at once.
    platformKeys: createPlatformKeyResolver({ cooldownMs: 0, fetch: countingFetch }),
    ...(clock ? { clock } : {}),
  };

  /** Login initiation at the tool, then the platform's auth endpoint over HTTP. */
  async function startLaunch(spec: Partial<LaunchSpec> = {}): Promise<{ login: LoginRedirect; answer: AuthorizeAnswer }> {
    const { params } = platform.loginInitiation(spec);
    const login = await initiateLogin(parseLoginParams(new URLSearchParams(params)), loginDeps);
    const response = await fetch(login.redirectUrl, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`auth endpoint answered ${response.status}: ${await response.text()}`);
    return { login, answer: (await response.json()) as AuthorizeAnswer };
  }

  /** A whole launch; `input` and `deps` replace parts of what an honest browser and tool send. */
  async function launch(spec: Partial<LaunchSpec> = {}, input: Partial<LaunchInput> = {}, deps: Partial<LaunchDeps> = {}): Promise<LtiLaunch> {
    const { login, answer } = await startLaunch(spec);
    return validateLaunch({ idToken: answer.id_token, state: answer.state, browserState: login.cookie.value, ...input }, { ...launchDeps, ...deps });
  }

  return {
    loginDeps,
    launchDeps,
    startLaunch,
    launch,
    get jwksFetches() {
      return jwksFetches;
    },
  };
}
