import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendError, sendJson } from './http';
import type { PlatformState } from './state';
import { SCOPES } from './vocabulary';

const GRANTABLE = new Set<string>(Object.values(SCOPES));

/** POST /token: the client-credentials grant with a JWT bearer client assertion (RFC 7523). */
export async function handleToken(state: PlatformState, req: IncomingMessage, res: ServerResponse) {
  if (!state.tokenEndpointUp) return sendError(res, 503, 'temporarily_unavailable', 'The token service is down.');
  const form = new URLSearchParams(await readBody(req));
  if (form.get('grant_type') !== 'client_credentials') {
    return sendError(res, 400, 'unsupported_grant_type', 'Only client_credentials is supported.');
  }
  if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
    return sendError(res, 400, 'invalid_request', 'client_assertion_type must be jwt-bearer.');
  }
  const assertion = form.get('client_assertion');
  if (!assertion) return sendError(res, 400, 'invalid_request', 'client_assertion is missing.');

  let verified;
  try {
    verified = await state.clients.verifyToolJwt(assertion, state.urls.tokenUrl, { subject: true, maxAgeSeconds: 120 });
  } catch (e) {
    return sendError(res, 401, 'invalid_client', `The client assertion does not verify: ${(e as Error).message}`);
  }
  const jti = verified.payload.jti;
  if (typeof jti !== 'string' || jti === '') return sendError(res, 400, 'invalid_grant', 'The client assertion has no jti.');
  if (state.usedAssertionIds.has(jti)) return sendError(res, 400, 'invalid_grant', 'The client assertion was already used.');
  state.usedAssertionIds.add(jti);

  const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
  const refused = scopes.filter((s) => !GRANTABLE.has(s));
  if (scopes.length === 0 || refused.length > 0) {
    return sendError(res, 400, 'invalid_scope', `Cannot grant: ${refused.join(' ') || '(no scope)'}`);
  }
  state.tokenRequests.push({ clientId: verified.client.clientId, scopes });
  const token = randomBytes(24).toString('base64url');
  state.accessTokens.set(token, {
    clientId: verified.client.clientId,
    scopes: new Set(scopes),
    expiresAt: Date.now() + state.accessTokenTtlSeconds * 1000,
  });
  sendJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: state.accessTokenTtlSeconds, scope: scopes.join(' ') });
}
