import { publicOrigin } from './origin';

/**
 * Whether a state-changing request came from this site's own pages. Route handlers, unlike server
 * actions, get no origin check from Next, and a form post from another site would carry the
 * session cookie (it is `SameSite=None` behind an LMS). Clients that send neither header (not a
 * browser) carry no ambient cookie from another site, so they pass.
 */
export function isSameOriginRequest(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') return false;
  const origin = request.headers.get('origin');
  return origin === null || origin === publicOrigin(request);
}
