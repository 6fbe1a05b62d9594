import type { Registration } from './types';

// Instructure-hosted Canvas names one issuer for every school and serves its token and key
// endpoints from sso.canvaslms.com, while the AGS and NRPS URLs are on each school's
// <name>.instructure.com host.
const HOSTED_CANVAS_ISSUERS = new Set(['canvas.instructure.com', 'canvas.beta.instructure.com', 'canvas.test.instructure.com']);
const HOSTED_CANVAS_DOMAIN = '.instructure.com';

/** The hosts (`hostname[:port]`) of the registration's own URLs: its issuer, auth, token and key URLs. */
export function registrationHosts(registration: Registration): string[] {
  const hosts = new Set<string>();
  for (const value of [registration.issuer, registration.authUrl, registration.tokenUrl, registration.jwksUrl]) {
    try {
      hosts.add(new URL(value).host);
    } catch {
      // A stored registration was validated; an unreadable URL just adds no host.
    }
  }
  return [...hosts];
}

/**
 * Whether an AGS or NRPS URL (from a launch claim or a next link) is on the registration's own
 * hosts, so its access token and requests never go anywhere else.
 */
export function isServiceHostOf(registration: Registration, serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (registrationHosts(registration).includes(url.host)) return true;
  const issuerHost = new URL(registration.issuer).hostname;
  return HOSTED_CANVAS_ISSUERS.has(issuerHost) && url.protocol === 'https:' && url.port === '' && url.hostname.endsWith(HOSTED_CANVAS_DOMAIN);
}
