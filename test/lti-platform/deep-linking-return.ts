import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml, readBody, sendHtml } from './http';
import type { PlatformState } from './state';
import { CLAIMS } from './vocabulary';

async function check(state: PlatformState, jwt: string | null) {
  if (!jwt) throw new Error('no JWT field');
  const { client, payload } = await state.clients.verifyToolJwt(jwt, state.urls.issuer);
  if (payload[CLAIMS.message_type] !== 'LtiDeepLinkingResponse') throw new Error('message_type is not LtiDeepLinkingResponse');
  if (payload[CLAIMS.version] !== '1.3.0') throw new Error('version is not 1.3.0');
  const deploymentId = payload[CLAIMS.deployment_id];
  if (typeof deploymentId !== 'string' || !client.deploymentIds.includes(deploymentId)) throw new Error('unknown deployment_id');
  if (typeof payload.nonce !== 'string' || payload.nonce === '') throw new Error('no nonce');
  const items = payload[CLAIMS.content_items];
  if (!Array.isArray(items)) throw new Error('content_items is not an array');
  return {
    ok: true as const,
    clientId: client.clientId,
    deploymentId,
    contentItems: items as Record<string, unknown>[],
    data: payload[CLAIMS.dl_data],
    message: payload[CLAIMS.dl_msg],
  };
}

/** POST /deep-linking/return: the LMS side of the deep-linking round trip (field `JWT`). */
export async function handleDeepLinkReturn(state: PlatformState, req: IncomingMessage, res: ServerResponse) {
  const form = new URLSearchParams(await readBody(req));
  try {
    const result = await check(state, form.get('JWT'));
    state.deepLinkReturns.push(result);
    sendHtml(res, 200, `<p>Added ${result.contentItems.length} item(s) to the course.</p>`);
  } catch (e) {
    const error = (e as Error).message;
    state.deepLinkReturns.push({ ok: false, error });
    sendHtml(res, 400, `<p>The tool's response was rejected: ${escapeHtml(error)}</p>`);
  }
}
