import 'server-only';
import { frameAncestors } from './frame-ancestors';
import { escapeHtml as e } from '@/lib/html';
import { ltiPage } from './pages';

export const STORAGE_SCRIPT = '/lti-storage.js';
/** Where the cookie-less launch page posts the id_token with the state read from platform storage. */
export const STORAGE_LAUNCH_PATH = '/lti/launch/storage';

/**
 * The CSP of every answer of /lti/login and /lti/launch (the proxy leaves these two to their
 * routes): they are shown in the LMS frame, their only script is the static platform-storage
 * file (no inline script, so no nonce or hash is needed), and their forms post to this site.
 */
export async function withLaunchCsp(response: Response) {
  response.headers.set(
    'content-security-policy',
    `default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors ${await frameAncestors()}`,
  );
  return response;
}

type Storage = { target: string; platformOrigin: string; key: string };

/** The login answer when the platform offers storage: put the state there, then go to the platform's auth URL. */
export async function storagePutPage(s: Storage & { value: string; next: string; stateCookie: string }) {
  const page = ltiPage(
    200,
    'Opening KKO Teach…',
    `<p>Connecting to your course…</p><noscript><p><a href="${e(s.next)}">Continue</a></p></noscript>
<script src="${STORAGE_SCRIPT}" data-mode="put" data-target="${e(s.target)}" data-origin="${e(s.platformOrigin)}" data-key="${e(s.key)}" data-value="${e(s.value)}" data-next="${e(s.next)}"></script>`,
  );
  page.headers.append('set-cookie', s.stateCookie);
  return page;
}

/** The launch answer when the state cookie did not come back: read the state from platform storage and post it on. */
export async function storageGetPage(s: Storage & { idToken: string; state: string }) {
  const page = ltiPage(
    200,
    'Opening KKO Teach…',
    `<form id="lti-storage-launch" method="post" action="${STORAGE_LAUNCH_PATH}">
<input type="hidden" name="id_token" value="${e(s.idToken)}"><input type="hidden" name="state" value="${e(s.state)}"><input type="hidden" name="lti_storage_value" value="">
<p>Checking your course session…</p><noscript><p>This step needs JavaScript. Open KKO Teach in its own tab and sign in there.</p></noscript></form>
<script src="${STORAGE_SCRIPT}" data-mode="get" data-target="${e(s.target)}" data-origin="${e(s.platformOrigin)}" data-key="${e(s.key)}"></script>`,
  );
  return page;
}
