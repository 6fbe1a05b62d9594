import { z } from 'zod';
import { createGuardedFetch, OutboundRefused } from '@/lib/net/guarded-fetch';
import { DynamicRegistrationError } from './errors';
import { logRemoteAnswer, plainCause } from './remote-answers';
import { DEFAULT_SERVICE_TIMEOUT_MS, type Fetch } from './service-http';
import type { ToolUrls } from './tool';
import { isSecureUrl, OptionalTextSchema, PLATFORM_CONFIGURATION, SCOPE, SecureUrlSchema, TOOL_CONFIGURATION, type Registration } from './types';

const text = OptionalTextSchema;

export const PlatformConfigurationSchema = z.object({
  issuer: SecureUrlSchema,
  authorization_endpoint: SecureUrlSchema,
  token_endpoint: SecureUrlSchema,
  jwks_uri: SecureUrlSchema,
  registration_endpoint: SecureUrlSchema,
  // DR 1.0: the audience for client assertions when it is not the token endpoint (Brightspace).
  authorization_server: text,
  scopes_supported: z.array(z.string()).optional(),
  [PLATFORM_CONFIGURATION]: z
    .object({
      product_family_code: text,
      version: text,
      messages_supported: z.array(z.object({ type: z.string(), placements: z.array(z.string()).optional() })).optional(),
    })
    .optional(),
});
export type PlatformConfiguration = z.infer<typeof PlatformConfigurationSchema>;

const RegistrationResponseSchema = z.object({
  client_id: z.string().min(1),
  [TOOL_CONFIGURATION]: z.object({ deployment_id: text }).optional(),
});

export type ToolRegistrationInfo = {
  tool: ToolUrls;
  clientName: string;
  logoUri?: string;
  description?: string;
  /** Where resource links land after a launch (default: the tool's home page). */
  targetLinkUri?: string;
  /** Where a deep-linking launch lands (default: targetLinkUri). */
  deepLinkingUri?: string;
  deepLinkingLabel?: string;
  /** Platform-specific placements for the deep-linking message, e.g. Canvas `link_selection`. */
  deepLinkingPlacements?: string[];
  customParameters?: Record<string, string>;
};

export type DynamicRegistrationDeps = {
  /** Default: the guarded fetcher (https to public addresses, each redirect hop checked). */
  fetch?: Fetch;
  timeoutMs?: number;
  /** Allow http:// on localhost (a local LMS, the test platform); otherwise https only. */
  allowLoopbackHttp?: boolean;
};

// Refusals that no retry changes: the address itself is not one we call.
const PERMANENT_REFUSALS = new Set(['not_https', 'private_address', 'other_host', 'too_many_redirects']);

const TOOL_SCOPES = [SCOPE.lineItem, SCOPE.lineItemReadonly, SCOPE.resultReadonly, SCOPE.score, SCOPE.contextMembershipReadonly];
const IDENTITY_CLAIMS = ['iss', 'sub', 'name', 'given_name', 'family_name', 'email', 'locale'];

function checkFetchableUrl(value: string, deps: DynamicRegistrationDeps): URL {
  // The URL arrives in a query string anyone can craft: never fetch plain http off this machine.
  if (!isSecureUrl(value)) throw new DynamicRegistrationError('bad_configuration_url', `Not an https URL: ${value}`);
  const url = new URL(value);
  if (url.protocol === 'http:' && !deps.allowLoopbackHttp) {
    throw new DynamicRegistrationError('bad_configuration_url', `Plain http is not allowed: ${value}`);
  }
  return url;
}

async function call(deps: DynamicRegistrationDeps, url: string, init: RequestInit, what: string): Promise<{ status: number; body: unknown; text: string }> {
  let response: Response;
  // The URLs arrive in a query string anyone can craft: the guarded fetcher refuses internal
  // addresses, on every redirect hop too.
  const fetchImpl = deps.fetch ?? createGuardedFetch({ allowLoopbackHttp: deps.allowLoopbackHttp === true });
  try {
    response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(deps.timeoutMs ?? DEFAULT_SERVICE_TIMEOUT_MS) });
  } catch (cause) {
    if (cause instanceof OutboundRefused && PERMANENT_REFUSALS.has(cause.code)) {
      throw new DynamicRegistrationError('bad_configuration_url', `${what} was not called: ${cause.message}`, { cause });
    }
    throw new DynamicRegistrationError('configuration_unavailable', `${what} could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
  const body = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { status: response.status, body: json, text: body };
}

/**
 * Fetches the platform's OpenID configuration. The issuer must live on the origin the
 * configuration came from, as LTI Dynamic Registration requires; otherwise any site could
 * claim to be any LMS.
 */
export async function fetchPlatformConfiguration(
  openidConfigurationUrl: string,
  registrationToken: string | undefined,
  deps: DynamicRegistrationDeps = {},
): Promise<PlatformConfiguration> {
  const url = checkFetchableUrl(openidConfigurationUrl, deps);
  const headers: Record<string, string> = { accept: 'application/json' };
  // Canvas requires the registration token on this request too.
  if (registrationToken) headers.authorization = `Bearer ${registrationToken}`;
  const answer = await call(deps, url.href, { headers }, 'The platform configuration');
  if (answer.status !== 200) {
    logRemoteAnswer('The platform configuration', answer.status, answer.text);
    throw new DynamicRegistrationError(
      'configuration_unavailable',
      `The platform configuration answered HTTP ${answer.status}: ${plainCause('configuration', answer.status)}.`,
    );
  }
  const parsed = PlatformConfigurationSchema.safeParse(answer.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DynamicRegistrationError('invalid_configuration', `The platform configuration is unusable: ${issue?.path.join('.')} ${issue?.message}`);
  }
  if (new URL(parsed.data.issuer).origin !== url.origin) {
    console.warn(`[lti] the configuration at ${url.href} names the issuer ${parsed.data.issuer}`);
    throw new DynamicRegistrationError(
      'issuer_mismatch',
      `The issuer the platform configuration names is not on ${url.origin}, where the configuration was fetched.`,
    );
  }
  return parsed.data;
}

/** The OpenID client registration request with the LTI tool configuration (LTI DR 1.0 §3.6). */
export function buildToolRegistrationRequest(info: ToolRegistrationInfo, platform: PlatformConfiguration) {
  const targetLinkUri = info.targetLinkUri ?? info.tool.baseUrl;
  const supported = platform.scopes_supported;
  const scopes = supported ? TOOL_SCOPES.filter((s) => supported.includes(s)) : TOOL_SCOPES;
  const messagesSupported = platform[PLATFORM_CONFIGURATION]?.messages_supported;
  const offersDeepLinking = !messagesSupported || messagesSupported.some((m) => m.type === 'LtiDeepLinkingRequest');
  const messages: Record<string, unknown>[] = [{ type: 'LtiResourceLinkRequest', target_link_uri: targetLinkUri }];
  if (offersDeepLinking) {
    messages.push({
      type: 'LtiDeepLinkingRequest',
      target_link_uri: info.deepLinkingUri ?? targetLinkUri,
      label: info.deepLinkingLabel ?? info.clientName,
      ...(info.deepLinkingPlacements ? { placements: info.deepLinkingPlacements } : {}),
    });
  }
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: info.tool.loginUrl,
    redirect_uris: [info.tool.launchUrl],
    client_name: info.clientName,
    jwks_uri: info.tool.jwksUrl,
    ...(info.logoUri ? { logo_uri: info.logoUri } : {}),
    token_endpoint_auth_method: 'private_key_jwt',
    scope: scopes.join(' '),
    [TOOL_CONFIGURATION]: {
      domain: new URL(info.tool.baseUrl).host,
      target_link_uri: targetLinkUri,
      ...(info.description ? { description: info.description } : {}),
      ...(info.customParameters ? { custom_parameters: info.customParameters } : {}),
      claims: IDENTITY_CLAIMS,
      messages,
    },
  };
}

export type DynamicRegistrationResult = {
  registration: Registration;
  platform: PlatformConfiguration;
  /** The platform's answer as sent, for the record. */
  response: unknown;
};

/**
 * LTI Dynamic Registration, run when the LMS opens /lti/register with `openid_configuration`
 * and `registration_token`: fetch and check the platform configuration, register the tool,
 * and return the Registration to store. An empty `deploymentIds` means the platform did not
 * say (Canvas); the deployment then has to be added before launches pass.
 */
export async function registerWithPlatform(
  args: { openidConfigurationUrl: string; registrationToken?: string; info: ToolRegistrationInfo },
  deps: DynamicRegistrationDeps = {},
): Promise<DynamicRegistrationResult> {
  const platform = await fetchPlatformConfiguration(args.openidConfigurationUrl, args.registrationToken, deps);
  const endpoint = checkFetchableUrl(platform.registration_endpoint, deps);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (args.registrationToken) headers.authorization = `Bearer ${args.registrationToken}`;
  const answer = await call(
    deps,
    endpoint.href,
    { method: 'POST', headers, body: JSON.stringify(buildToolRegistrationRequest(args.info, platform)) },
    'The platform registration endpoint',
  );
  if (answer.status < 200 || answer.status > 299) {
    logRemoteAnswer('The platform registration endpoint', answer.status, answer.text);
    throw new DynamicRegistrationError(
      'registration_refused',
      `The platform refused the registration (HTTP ${answer.status}): ${plainCause('registration', answer.status)}.`,
    );
  }
  const parsed = RegistrationResponseSchema.safeParse(answer.body);
  if (!parsed.success) {
    throw new DynamicRegistrationError('invalid_registration_response', 'The platform accepted the registration but sent no client_id.');
  }
  const deploymentId = parsed.data[TOOL_CONFIGURATION]?.deployment_id;
  return {
    registration: {
      issuer: platform.issuer,
      clientId: parsed.data.client_id,
      authUrl: platform.authorization_endpoint,
      tokenUrl: platform.token_endpoint,
      jwksUrl: platform.jwks_uri,
      ...(platform.authorization_server ? { tokenAudience: platform.authorization_server } : {}),
      deploymentIds: deploymentId ? [deploymentId] : [],
    },
    platform,
    response: answer.body,
  };
}
