import { toolFor } from '@/lib/lti/server/context';
import { answerLaunch } from '@/lib/lti/server/launch-response';
import { ltiErrorPage } from '@/lib/lti/server/pages';
import { withLaunchCsp } from '@/lib/lti/server/storage-pages';

export const runtime = 'nodejs';

const text = (v: FormDataEntryValue | null | undefined) => (typeof v === 'string' && v.length > 0 ? v : null);

/**
 * The cookie-less launch page posts here the id_token and the state it read from the platform's
 * storage. Only our own page may: a cross-site form (a login-CSRF attempt with someone else's
 * id_token) carries another Origin, and the value must come from this browser's platform
 * storage, where only the login this browser made put it. The state is still used once.
 */
async function launchFromStorage(request: Request) {
  const tool = toolFor(request);
  if (request.headers.get('origin') !== tool.origin || (request.headers.get('sec-fetch-site') ?? 'same-origin') !== 'same-origin') {
    return ltiErrorPage(403, 'cross_site_request', 'This step of the launch must come from the KKO Teach page in your course.');
  }
  const form = await request.formData().catch(() => null);
  return answerLaunch(tool, {
    idToken: text(form?.get('id_token')),
    state: text(form?.get('state')),
    browserState: text(form?.get('lti_storage_value')),
  });
}

export const POST = async (request: Request) => withLaunchCsp(await launchFromStorage(request));
