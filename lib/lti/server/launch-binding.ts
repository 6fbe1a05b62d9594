import { randomBytes } from 'node:crypto';

/**
 * A launch's one-time ticket is bound to the browser that made the launch: the launch response
 * sets this cookie, the ticket stores its hash, and the ticket works only when the same cookie
 * comes back. A ticket URL copied to another browser (or leaked in a log) opens nothing.
 */
export const LAUNCH_BINDING_COOKIE = 'kko_lti_binding';
const PATH = '/lti/session';

export function newLaunchBinding() {
  return randomBytes(24).toString('base64url');
}

/** Same attributes as the OIDC state cookie: it must survive inside the LMS iframe. */
export function launchBindingCookie(value: string, maxAgeSeconds = 120) {
  return `${LAUNCH_BINDING_COOKIE}=${value}; Path=${PATH}; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=None; Partitioned`;
}

export function launchBindingOf(request: Request | undefined): string | null {
  for (const part of (request?.headers.get('cookie') ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === LAUNCH_BINDING_COOKIE && v && /^[A-Za-z0-9_-]{20,64}$/.test(v)) return v;
  }
  return null;
}
