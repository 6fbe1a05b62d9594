import { LtiLaunchError } from '@/lib/lti/errors';
import { validateLaunch } from '@/lib/lti/launch';
import { platformKeys, stores, toolFor } from '@/lib/lti/server/context';
import { signPickerContext } from '@/lib/lti/server/deep-link-context';
import { launchBindingCookie } from '@/lib/lti/server/launch-binding';
import { acceptResourceLaunch, LaunchRefused } from '@/lib/lti/server/launch-flow';
import { ltiErrorPage } from '@/lib/lti/server/pages';
import { pickerPage } from '@/lib/lti/server/picker';
import { mapRoles } from '@/lib/lti/roles';
import { clearedStateCookie, serializeStateCookie, stateCookieName } from '@/lib/lti/state-cookie';
import { isLocale } from '@/lib/i18n/locales';

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

/** Resource-link and deep-linking launches: every check of DESIGN.md's list, then a session via a one-time ticket. */
export async function POST(request: Request) {
  const tool = toolFor(request);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return ltiErrorPage(400, 'malformed_request', 'The launch must be a form POST with id_token and state.');
  }
  const idToken = form.get('id_token');
  const state = form.get('state');
  const stateValue = typeof state === 'string' ? state : null;
  try {
    const launch = await validateLaunch(
      { idToken: typeof idToken === 'string' ? idToken : null, state: stateValue, browserState: stateValue ? cookieValue(request, stateCookieName(stateValue)) : null },
      { tool, ...stores, platformKeys },
    );
    const clear = serializeStateCookie(clearedStateCookie(tool, stateValue!));
    if (launch.messageType === 'LtiDeepLinkingRequest') {
      const role = mapRoles(launch.roles, launch.registration.roleMapping);
      if (role !== 'school_admin' && !launch.roles.some((r) => /#(Instructor|Administrator|ContentDeveloper)$/.test(r))) {
        return ltiErrorPage(403, 'no_usable_role', 'Only course instructors and administrators can add modules to a course.');
      }
      const lang = launch.locale?.slice(0, 2).toLowerCase();
      const locale = isLocale(lang) ? lang : 'en';
      const page = await pickerPage(await signPickerContext(launch, locale), locale, launch.deepLinking.accept_multiple !== false);
      page.headers.append('set-cookie', clear);
      return page;
    }
    const { ticket, binding, locale } = await acceptResourceLaunch(launch);
    const next = new URL('/lti/session', tool.origin);
    next.searchParams.set('ticket', ticket);
    if (locale) next.searchParams.set('lang', locale);
    const headers = new Headers({ location: next.toString(), 'cache-control': 'no-store' });
    headers.append('set-cookie', clear);
    headers.append('set-cookie', launchBindingCookie(binding));
    return new Response(null, { status: 303, headers });
  } catch (err) {
    if (err instanceof LtiLaunchError) {
      console.warn(`[lti] launch refused: ${err.code}`);
      return ltiErrorPage(401, err.code, err.message);
    }
    if (err instanceof LaunchRefused) return ltiErrorPage(err.status, err.code, err.message);
    throw err;
  }
}
