/**
 * The one public origin of every absolute link the app prints or redirects to (QR codes, short
 * links, certificates, invites, LTI URLs): PUBLIC_URL when set; else what the server edge
 * (scripts/server.mjs) resolved into x-forwarded-proto/-host, which it only takes from a
 * TRUSTED_PROXIES peer; else the request's own URL.
 */
export function publicOrigin(source: Request | Headers): string {
  const configured = configuredOrigin();
  if (configured) return configured;
  // Next's headers() is a Headers subclass, a route handler's Request is not: tell them apart by shape.
  const request = 'url' in source ? source : null;
  const headers = request ? request.headers : (source as Headers);
  const proto = headers.get('x-forwarded-proto');
  const host = hostOrNull(headers.get('x-forwarded-host'));
  if (host && (proto === 'http' || proto === 'https')) return `${proto}://${host}`;
  if (request) return new URL(request.url).origin;
  // Server actions and pages under `next dev` (no edge): the Host header, over plain http.
  return `http://${hostOrNull(headers.get('host')) ?? 'localhost'}`;
}

/** PUBLIC_URL as an origin ("https://teach.example.kz"), or null when unset; throws when it is not one. */
export function parsePublicUrl(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    url = new URL('invalid:');
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.pathname !== '/' ||
    url.search ||
    url.hash ||
    url.username ||
    url.password ||
    !url.hostname
  ) {
    throw new Error(`PUBLIC_URL must be an absolute http(s) address with no path, e.g. https://teach.example.kz (got "${value}")`);
  }
  return url.origin;
}

let cached: { value: string | undefined; origin: string | null } | undefined;
/** PUBLIC_URL, validated once per value (a test may change the environment). */
export function configuredOrigin(): string | null {
  const value = process.env.PUBLIC_URL;
  if (!cached || cached.value !== value) cached = { value, origin: parsePublicUrl(value) };
  return cached.origin;
}

const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)(?::\d{1,5})?$/i;
/** A host[:port] that parses back to itself, lower-cased; anything else is null. */
function hostOrNull(value: string | null): string | null {
  const host = value?.trim().toLowerCase();
  if (!host || host.length > 261 || !HOST.test(host)) return null;
  try {
    const url = new URL(`http://${host}`);
    return url.host === host || url.host === host.replace(/:80$/, '') ? host : null;
  } catch {
    return null;
  }
}
