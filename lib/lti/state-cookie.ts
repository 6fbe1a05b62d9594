import type { ToolUrls } from './tool';

/** Shaped like the options of Next's `cookies().set(name, value, options)`. */
export type StateCookieOptions = {
  httpOnly: true;
  secure: true;
  sameSite: 'none';
  partitioned: true;
  path: string;
  maxAge: number;
};

export type StateCookie = { name: string; value: string; options: StateCookieOptions };

const PREFIX = 'lti_state_';

/**
 * One cookie per login, named by its state: an LMS page that embeds two tool links starts two
 * logins at once, and a single shared cookie would make one of them fail.
 */
export function stateCookieName(state: string): string {
  return `${PREFIX}${state}`;
}

/** Also the key under which the state goes into LTI platform storage (lti.put_data). */
export const platformStorageKey = stateCookieName;

/**
 * The launch arrives as a cross-site form POST, so only SameSite=None cookies come with it.
 * Partitioned (CHIPS) keeps it working inside the LMS iframe when Chrome blocks third-party
 * cookies; browsers that do not know the attribute ignore it.
 */
export function stateCookie(tool: ToolUrls, state: string, maxAgeSeconds: number): StateCookie {
  return {
    name: stateCookieName(state),
    value: state,
    options: {
      httpOnly: true,
      secure: true,
      sameSite: 'none',
      partitioned: true,
      path: new URL(tool.launchUrl).pathname,
      maxAge: maxAgeSeconds,
    },
  };
}

/** The cookie that deletes the login's state cookie once the launch has used it. */
export function clearedStateCookie(tool: ToolUrls, state: string): StateCookie {
  return { ...stateCookie(tool, state, 0), value: '' };
}

/** The `Set-Cookie` header value, for responses built without Next's cookie API. */
export function serializeStateCookie(cookie: StateCookie): string {
  const o = cookie.options;
  return `${cookie.name}=${encodeURIComponent(cookie.value)}; Path=${o.path}; Max-Age=${o.maxAge}; HttpOnly; Secure; SameSite=None; Partitioned`;
}
