import { env, parsePublicUrl } from '@/env';

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

// Validated with every other variable in env.ts; re-exported for the callers that parse a value.
export { parsePublicUrl };

/** PUBLIC_URL as an origin, or null when unset (a malformed one stops the server at start-up). */
export function configuredOrigin(): string | null {
  return env().PUBLIC_URL ?? null;
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
