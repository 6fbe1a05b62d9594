import 'server-only';
import { LtiLaunchError } from '@/lib/lti/errors';
import { isLocale } from '@/lib/i18n/locales';
import { validateLaunch } from '@/lib/lti/launch';
import { mapRoles } from '@/lib/lti/roles';
import { clearedStateCookie, serializeStateCookie } from '@/lib/lti/state-cookie';
import type { ToolUrls } from '@/lib/lti/tool';
import { findActiveRegistration, type StoredRegistration } from '@/db/queries/lti-registrations';
import type { RegistrationLookup } from '@/lib/lti/stores';
import { platformKeys, stores } from './context';
import { toRegistration } from './stores';
import { signPickerContext } from './deep-link-context';
import { launchBindingCookie } from './launch-binding';
import { acceptResourceLaunch, LaunchRefused } from './launch-flow';
import { ltiErrorPage } from './pages';
import { pickerPage } from './picker';

/** The registration lookup of one launch, keeping the stored row it found for what follows the checks. */
function rememberingRegistrations() {
  let stored: StoredRegistration | undefined;
  const registrations: RegistrationLookup = {
    ...stores.registrations,
    async findRegistration(issuer, clientId) {
      stored = await findActiveRegistration(issuer, clientId);
      return stored ? toRegistration(stored) : null;
    },
  };
  return { registrations, found: () => stored };
}

export type LaunchInput = { idToken: string | null; state: string | null; browserState: string | null };

/**
 * Every check of DESIGN.md's list, then the deep-linking picker or a session via a one-time
 * ticket. `browserState` is the state this browser holds: from the state cookie, or read from
 * the platform's storage by the cookie-less launch page.
 */
export async function answerLaunch(tool: ToolUrls, input: LaunchInput): Promise<Response> {
  try {
    const { registrations, found } = rememberingRegistrations();
    const launch = await validateLaunch(input, { tool, ...stores, registrations, platformKeys });
    const clear = serializeStateCookie(clearedStateCookie(tool, input.state!));
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
    const { ticket, binding, locale } = await acceptResourceLaunch(launch, found());
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
