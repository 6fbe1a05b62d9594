import type { IncomingMessage, ServerResponse } from 'node:http';
import { forgeClaims, launchClaims, signIdToken } from './id-token';
import { formPostHtml, readParams, sendError, sendHtml, sendJson } from './http';
import type { PlatformState } from './state';

export type AuthorizeAnswer = { action: string; id_token: string; state: string; lti_storage_target?: string };

/**
 * Checks an OIDC authentication request the way an LMS does, and mints the id_token for the
 * launch it belongs to. Returns an error description instead when the request is not one a
 * platform would answer.
 */
export async function answerAuthRequest(state: PlatformState, params: URLSearchParams): Promise<AuthorizeAnswer | { error: string }> {
  const expect: Record<string, string> = { scope: 'openid', response_type: 'id_token', response_mode: 'form_post', prompt: 'none' };
  for (const [name, value] of Object.entries(expect)) {
    const got = params.get(name);
    const ok = name === 'scope' ? (got ?? '').split(' ').includes(value) : got === value;
    if (!ok) return { error: `${name} must be ${value}, got ${JSON.stringify(got)}` };
  }
  for (const name of ['client_id', 'redirect_uri', 'login_hint', 'state', 'nonce']) {
    if (!params.get(name)) return { error: `${name} is missing` };
  }
  const client = state.clients.get(params.get('client_id')!);
  if (!client) return { error: `unknown client_id ${params.get('client_id')}` };
  const redirectUri = params.get('redirect_uri')!;
  if (!client.redirectUris.includes(redirectUri)) return { error: `redirect_uri ${redirectUri} is not registered for this client` };
  const hint = params.get('lti_message_hint');
  const spec = hint ? state.launches.get(hint) : undefined;
  if (!spec) return { error: 'lti_message_hint does not name a launch of this platform' };
  if (spec.clientId !== client.clientId) return { error: 'the launch belongs to another client' };
  if (params.get('login_hint') !== spec.user.sub) return { error: 'login_hint does not match the launching user' };

  const honest = launchClaims(state.urls, spec, params.get('nonce')!, state.idTokenTtlSeconds);
  const claims = forgeClaims(honest, spec, state.lastNonce);
  state.lastNonce = typeof claims.nonce === 'string' ? claims.nonce : state.lastNonce;
  const idToken = await signIdToken(state.keys, claims, spec.forge?.signWith);
  // Platforms that offer storage name the frame again with the launch (Canvas does).
  return { action: redirectUri, id_token: idToken, state: params.get('state')!, ...(spec.storageTarget ? { lti_storage_target: spec.storageTarget } : {}) };
}

/** GET or POST /auth: the form_post page, or JSON for callers that ask for it (Accept: application/json). */
export async function handleAuthorize(state: PlatformState, req: IncomingMessage, res: ServerResponse, url: URL) {
  const answer = await answerAuthRequest(state, await readParams(req, url));
  if ('error' in answer) return sendError(res, 400, 'invalid_request', answer.error);
  if ((req.headers.accept ?? '').includes('application/json')) return sendJson(res, 200, answer);
  const { action, ...fields } = answer;
  sendHtml(res, 200, formPostHtml(action, fields));
}
