import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, readBody, sendError, sendJson } from './http';
import type { PlatformState } from './state';
import { PLATFORM_CONFIGURATION, SCOPES, TOOL_CONFIGURATION } from './vocabulary';

/** GET /.well-known/openid-configuration */
export function handleOpenidConfiguration(state: PlatformState, res: ServerResponse) {
  sendJson(res, 200, {
    issuer: state.configurationIssuer ?? state.urls.issuer,
    authorization_endpoint: state.urls.authUrl,
    token_endpoint: state.urls.tokenUrl,
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS256'],
    jwks_uri: state.urls.jwksUrl,
    registration_endpoint: state.urls.registrationEndpoint,
    scopes_supported: ['openid', ...Object.values(SCOPES)],
    response_types_supported: ['id_token'],
    subject_types_supported: ['public', 'pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: ['iss', 'aud', 'sub', 'name', 'given_name', 'family_name', 'email', 'locale'],
    [PLATFORM_CONFIGURATION]: {
      product_family_code: 'kko-test',
      version: '1.0',
      messages_supported: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
    },
  });
}

const isHttpUrl = (v: unknown) => typeof v === 'string' && /^https?:\/\/[^\s]+$/.test(v);

/** What the platform insists on before it creates a client (LTI Dynamic Registration). */
function registrationProblem(body: Record<string, unknown>): string | undefined {
  const list = (v: unknown) => (Array.isArray(v) ? (v as unknown[]) : []);
  if (body.application_type !== 'web') return 'application_type must be web';
  if (!list(body.response_types).includes('id_token')) return 'response_types must include id_token';
  const grants = list(body.grant_types);
  if (!grants.includes('implicit') || !grants.includes('client_credentials')) return 'grant_types must include implicit and client_credentials';
  if (!isHttpUrl(body.initiate_login_uri)) return 'initiate_login_uri is missing';
  if (list(body.redirect_uris).length === 0 || !list(body.redirect_uris).every(isHttpUrl)) return 'redirect_uris are missing';
  if (!isHttpUrl(body.jwks_uri)) return 'jwks_uri is missing';
  if (body.token_endpoint_auth_method !== 'private_key_jwt') return 'token_endpoint_auth_method must be private_key_jwt';
  const config = body[TOOL_CONFIGURATION] as Record<string, unknown> | undefined;
  if (!config || typeof config.domain !== 'string' || !isHttpUrl(config.target_link_uri)) {
    return `${TOOL_CONFIGURATION} needs domain and target_link_uri`;
  }
  return undefined;
}

/** POST /register with `Authorization: Bearer <registration token>` (single use). */
export async function handleRegister(state: PlatformState, req: IncomingMessage, res: ServerResponse) {
  const token = bearerToken(req);
  if (!token || !state.registrationTokens.has(token)) {
    return sendError(res, 401, 'invalid_token', 'The registration token is missing, unknown or used.');
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(await readBody(req)) as Record<string, unknown>;
  } catch {
    return sendError(res, 400, 'invalid_client_metadata', 'The body is not JSON.');
  }
  const problem = registrationProblem(body);
  if (problem) return sendError(res, 400, 'invalid_client_metadata', problem);
  state.registrationTokens.delete(token);

  const clientId = `client-${randomBytes(6).toString('hex')}`;
  const deploymentId = `deployment-${randomBytes(4).toString('hex')}`;
  const config = body[TOOL_CONFIGURATION] as Record<string, unknown>;
  state.clients.add({
    clientId,
    deploymentIds: [deploymentId],
    redirectUris: body.redirect_uris as string[],
    jwksUrl: body.jwks_uri as string,
    initiateLoginUri: body.initiate_login_uri as string,
    targetLinkUri: config.target_link_uri as string,
  });
  state.registrations.push({ clientId, deploymentId, request: body });
  sendJson(res, 200, {
    ...body,
    client_id: clientId,
    [TOOL_CONFIGURATION]: { ...config, deployment_id: deploymentId },
  });
}
