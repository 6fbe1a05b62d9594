import { findActiveRegistration } from '@/db/queries/lti-registrations';
import { peekLoginState } from '@/db/queries/lti-login';
import { toolFor } from '@/lib/lti/server/context';
import { answerLaunch } from '@/lib/lti/server/launch-response';
import { ltiErrorPage } from '@/lib/lti/server/pages';
import { storageGetPage, withLaunchCsp } from '@/lib/lti/server/storage-pages';
import { platformStorageKey, stateCookieName } from '@/lib/lti/state-cookie';

export const runtime = 'nodejs';

function cookieValue(request: Request, name: string) {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return null;
    }
  }
  return null;
}

const text = (v: FormDataEntryValue | null) => (typeof v === 'string' && v.length > 0 ? v : null);

/**
 * The platform's answer to the login, for one of our pending logins, when the state cookie did
 * not come back (Safari, blocked third-party cookies) but the platform offers storage: a page
 * that reads the state from the platform's storage, checked against the platform's origin.
 */
async function storageLaunch(idToken: string, state: string, target: string) {
  if (state.length > 200 || target.length > 200) return null;
  const login = await peekLoginState(state);
  const registration = login && (await findActiveRegistration(login.issuer, login.clientId));
  if (!registration) return null;
  return storageGetPage({ idToken, state, target, platformOrigin: new URL(registration.authUrl).origin, key: platformStorageKey(state) });
}

/** Resource-link and deep-linking launches (form_post from the platform). */
async function launch(request: Request) {
  const tool = toolFor(request);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return ltiErrorPage(400, 'malformed_request', 'The launch must be a form POST with id_token and state.');
  }
  const idToken = text(form.get('id_token'));
  const state = text(form.get('state'));
  const browserState = state ? cookieValue(request, stateCookieName(state)) : null;
  const target = text(form.get('lti_storage_target'));
  if (!browserState && idToken && state && target) {
    const page = await storageLaunch(idToken, state, target);
    if (page) return page;
  }
  return answerLaunch(tool, { idToken, state, browserState });
}

export const POST = async (request: Request) => withLaunchCsp(await launch(request));
