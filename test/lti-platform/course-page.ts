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

/**
 * GET /course/:hint: an LMS course page that shows the tool in an iframe, as Moodle and Canvas
 * do. When the launch offers platform storage, the page also holds the storage frame, named as
 * the `lti_storage_target` (Canvas's post_message_forwarding frame plays this part).
 */
export function handleCoursePage(state: PlatformState, res: ServerResponse, hint: string) {
  const found = initiation(state, hint);
  if (!found) return sendError(res, 404, 'not_found', 'No such launch, or the client has no initiate_login_uri.');
  const target = found.params.lti_storage_target;
  const storage = target ? `<iframe title="LMS storage" name="${escapeHtml(target)}" src="/storage-frame" hidden></iframe>\n` : '';
  sendHtml(
    res,
    200,
    `<!doctype html>
<html><head><meta charset="utf-8"><title>Staff course</title></head>
<body>
<h1>Online safety training for staff</h1>
${storage}<iframe title="KKO Teach" name="tool-frame" src="/initiate/${escapeHtml(encodeURIComponent(hint))}" width="1000" height="700" allow="fullscreen"></iframe>
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

/**
 * GET /storage-frame: answers lti.capabilities, lti.put_data and lti.get_data. Values are kept
 * per sending origin (one tool cannot read another's) and only in this page, as the spec asks.
 */
export function handleStorageFrame(res: ServerResponse) {
  sendHtml(
    res,
    200,
    `<!doctype html>
<html><head><meta charset="utf-8"><title>LMS storage</title></head><body><script>
var store = new Map();
window.addEventListener('message', function (event) {
  var m = event.data;
  if (!m || typeof m.subject !== 'string' || !event.source) return;
  var reply = { subject: m.subject + '.response', message_id: m.message_id };
  if (m.subject === 'lti.capabilities') reply.supported_messages = [{ subject: 'lti.put_data' }, { subject: 'lti.get_data' }];
  else if (m.subject === 'lti.put_data') { store.set(event.origin + ' ' + m.key, m.value); reply.key = m.key; reply.value = m.value; }
  else if (m.subject === 'lti.get_data') {
    var k = event.origin + ' ' + m.key;
    if (store.has(k)) { reply.key = m.key; reply.value = store.get(k); }
    else reply.error = { code: 'not_found', message: 'No value for this key' };
  } else return;
  window.__ltiStorageMessages = (window.__ltiStorageMessages || 0) + 1;
  event.source.postMessage(reply, event.origin);
});
</script></body></html>
`,
  );
}
