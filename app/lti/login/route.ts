import { isLoginStateFull } from '@/db/queries/retention';
import { LtiLoginError } from '@/lib/lti/errors';
import { initiateLogin, readLoginRequest } from '@/lib/lti/login';
import { stores, toolFor } from '@/lib/lti/server/context';
import { ltiErrorPage } from '@/lib/lti/server/pages';
import { storagePutPage, withLaunchCsp } from '@/lib/lti/server/storage-pages';
import { platformStorageKey, serializeStateCookie } from '@/lib/lti/state-cookie';

export const runtime = 'nodejs';

/**
 * OIDC third-party login initiation, GET or POST: remember state and nonce, send the browser to
 * the platform. The state also goes into the platform's storage when it offers it
 * (`lti_storage_target`), for browsers that drop the state cookie in the LMS frame.
 */
async function handle(request: Request) {
  try {
    // Logins are started by anonymous requests: past the bound, refuse rather than grow the table.
    if (await isLoginStateFull()) {
      console.error('[lti] login refused: too many unfinished logins (the prune job removes expired ones)');
      const busy = ltiErrorPage(503, 'login_capacity', 'Too many sign-ins are in progress right now. Try again in a few minutes.');
      busy.headers.set('retry-after', '120');
      return busy;
    }
    const params = await readLoginRequest(request);
    const login = await initiateLogin(params, { tool: toolFor(request), registrations: stores.registrations, loginStates: stores.loginStates });
    const stateCookie = serializeStateCookie(login.cookie);
    if (login.storageTarget) {
      return storagePutPage({
        target: login.storageTarget,
        platformOrigin: new URL(login.registration.authUrl).origin,
        key: platformStorageKey(login.state),
        value: login.state,
        next: login.redirectUrl,
        stateCookie,
      });
    }
    return new Response(null, { status: 302, headers: { location: login.redirectUrl, 'set-cookie': stateCookie, 'cache-control': 'no-store' } });
  } catch (err) {
    if (err instanceof LtiLoginError) {
      console.warn(`[lti] login refused: ${err.code}`);
      return ltiErrorPage(400, err.code, err.message);
    }
    throw err;
  }
}

const answer = async (request: Request) => withLaunchCsp(await handle(request));

export { answer as GET, answer as POST };
