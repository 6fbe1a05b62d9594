import type { ServerResponse } from 'node:http';
import { escapeHtml, formPostHtml, sendError, sendHtml } from './http';
import type { PlatformState } from './state';

/** The login initiation parameters of a pending launch, and the tool URL they go to. */
function initiation(state: PlatformState, hint: string) {
  const spec = state.launches.get(hint);
  const loginUri = spec ? state.clients.get(spec.clientId)?.initiateLoginUri : undefined;
  if (!spec || !loginUri) return undefined;
  const params: Record<string, string> = {
    iss: state.urls.issuer,
    login_hint: spec.user.sub,
    target_link_uri: spec.targetLinkUri,
    lti_message_hint: hint,
    lti_deployment_id: spec.deploymentId,
    client_id: spec.clientId,
    ...(spec.storageTarget ? { lti_storage_target: spec.storageTarget } : {}),
  };
  return { loginUri, params };
}

/** GET /course/:hint: an LMS course page that shows the tool in an iframe, as Moodle and Canvas do. */
export function handleCoursePage(state: PlatformState, res: ServerResponse, hint: string) {
  if (!initiation(state, hint)) return sendError(res, 404, 'not_found', 'No such launch, or the client has no initiate_login_uri.');
  sendHtml(
    res,
    200,
    `<!doctype html>
<html><head><meta charset="utf-8"><title>Staff course</title></head>
<body>
<h1>Online safety training for staff</h1>
<iframe title="KKO Teach" name="tool-frame" src="/initiate/${escapeHtml(encodeURIComponent(hint))}" width="1000" height="700" allow="fullscreen"></iframe>
</body></html>
`,
  );
}

/** GET /initiate/:hint: POSTs the login initiation to the tool from inside the frame. */
export function handleInitiate(state: PlatformState, res: ServerResponse, hint: string) {
  const found = initiation(state, hint);
  if (!found) return sendError(res, 404, 'not_found', 'No such launch, or the client has no initiate_login_uri.');
  sendHtml(res, 200, formPostHtml(found.loginUri, found.params));
}
