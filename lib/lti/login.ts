import { z } from 'zod';
import { LtiLoginError } from './errors';
import { randomToken } from './random';
import { stateCookie, type StateCookie } from './state-cookie';
import { systemClock, type Clock, type LoginStateStore, type RegistrationLookup } from './stores';
import { isToolUrl, type ToolUrls } from './tool';
import type { Registration } from './types';

const LOGIN_PARAMS = ['iss', 'login_hint', 'target_link_uri', 'lti_message_hint', 'lti_deployment_id', 'client_id', 'lti_storage_target'] as const;

const optional = z.string().max(4096).optional();

export const LoginParamsSchema = z.object({
  iss: z.string().min(1).max(2048),
  login_hint: z.string().min(1).max(4096),
  target_link_uri: z.string().min(1).max(2048),
  lti_message_hint: optional,
  lti_deployment_id: optional,
  client_id: optional,
  lti_storage_target: optional,
});
export type LoginParams = z.infer<typeof LoginParamsSchema>;

export type LoginDeps = {
  tool: ToolUrls;
  registrations: RegistrationLookup;
  loginStates: LoginStateStore;
  clock?: Clock;
  /** How long the platform has to answer with the launch; also the state cookie's Max-Age. */
  stateTtlSeconds?: number;
};

export type LoginRedirect = {
  /** Send the browser here (302, or after the platform-storage page when `storageTarget` is set). */
  redirectUrl: string;
  cookie: StateCookie;
  state: string;
  nonce: string;
  registration: Registration;
  /** The frame to use for LTI platform storage (`lti.put_data`), when the platform offers it. */
  storageTarget?: string;
};

const DEFAULT_STATE_TTL_SECONDS = 600;

/** Reads the login initiation parameters from a query string, a form body or a plain object. */
export function parseLoginParams(source: URLSearchParams | Readonly<Record<string, unknown>>): LoginParams {
  const get = (key: string): unknown => (source instanceof URLSearchParams ? source.get(key) : source[key]);
  const raw: Record<string, unknown> = {};
  for (const key of LOGIN_PARAMS) {
    const value = get(key);
    // Platforms send empty optional fields; treat them as absent.
    if (value !== null && value !== undefined && value !== '') raw[key] = value;
  }
  const missing = (['iss', 'login_hint', 'target_link_uri'] as const).filter((k) => raw[k] === undefined);
  if (missing.length > 0) throw new LtiLoginError('missing_param', `The login initiation lacks ${missing.join(', ')}.`);
  const parsed = LoginParamsSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(', ');
    throw new LtiLoginError('invalid_param', `The login initiation has invalid ${fields}.`);
  }
  return parsed.data;
}

/** The spec lets the platform initiate the login with GET (query) or POST (form body). */
export async function readLoginRequest(request: Request): Promise<LoginParams> {
  if (request.method === 'GET') return parseLoginParams(new URL(request.url).searchParams);
  if (request.method !== 'POST') throw new LtiLoginError('invalid_param', 'Login initiation must use GET or POST.');
  let form: FormData;
  try {
    form = await request.formData();
  } catch (cause) {
    throw new LtiLoginError('invalid_param', 'The login initiation body is not a form.', { cause });
  }
  const params = new URLSearchParams();
  for (const [key, value] of form) if (typeof value === 'string') params.append(key, value);
  return parseLoginParams(params);
}

async function findRegistration(params: LoginParams, registrations: RegistrationLookup): Promise<Registration> {
  if (params.client_id !== undefined) {
    const found = await registrations.findRegistration(params.iss, params.client_id);
    if (!found) {
      throw new LtiLoginError('unknown_registration', `No registration for issuer ${params.iss} and client_id ${params.client_id}.`);
    }
    return found;
  }
  const candidates = await registrations.listRegistrations(params.iss);
  if (candidates.length === 0) throw new LtiLoginError('unknown_registration', `No registration for issuer ${params.iss}.`);
  if (candidates.length === 1) return candidates[0]!;
  // Without client_id, the deployment may still single out one registration.
  const deploymentId = params.lti_deployment_id;
  const byDeployment = deploymentId === undefined ? [] : candidates.filter((r) => r.deploymentIds.includes(deploymentId));
  if (byDeployment.length === 1) return byDeployment[0]!;
  throw new LtiLoginError(
    'ambiguous_registration',
    `Issuer ${params.iss} has ${candidates.length} registrations and the login names no client_id to choose between them; configure the platform to send client_id.`,
  );
}

/**
 * OIDC third-party initiated login: picks the registration, remembers a fresh state and
 * nonce, and returns the platform authorization URL plus the state cookie that binds the
 * coming launch to this browser.
 */
export async function initiateLogin(params: LoginParams, deps: LoginDeps): Promise<LoginRedirect> {
  if (!isToolUrl(deps.tool, params.target_link_uri)) {
    throw new LtiLoginError('foreign_target_link_uri', `target_link_uri ${params.target_link_uri} is not a URL of this tool.`);
  }
  const registration = await findRegistration(params, deps.registrations);
  const ttl = deps.stateTtlSeconds ?? DEFAULT_STATE_TTL_SECONDS;
  const now = (deps.clock ?? systemClock).now();
  const state = randomToken();
  const nonce = randomToken();
  await deps.loginStates.save({
    state,
    nonce,
    issuer: registration.issuer,
    clientId: registration.clientId,
    targetLinkUri: params.target_link_uri,
    expiresAt: new Date(now.getTime() + ttl * 1000),
  });

  const url = new URL(registration.authUrl);
  const query: Record<string, string | undefined> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: registration.clientId,
    redirect_uri: deps.tool.launchUrl,
    login_hint: params.login_hint,
    lti_message_hint: params.lti_message_hint,
    state,
    nonce,
  };
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);

  return {
    redirectUrl: url.href,
    cookie: stateCookie(deps.tool, state, ttl),
    state,
    nonce,
    registration,
    ...(params.lti_storage_target ? { storageTarget: params.lti_storage_target } : {}),
  };
}
