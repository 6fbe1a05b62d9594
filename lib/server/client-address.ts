/**
 * The client's address as the server edge (scripts/server.mjs) resolved it: the edge
 * overwrites `x-forwarded-for` with the socket address, or, when the socket is a trusted proxy
 * (TRUSTED_PROXIES), with the nearest untrusted address of the proxy's chain. Null when the app
 * runs without that edge (e.g. `next dev`).
 */
export function clientAddress(headers: Headers): string | null {
  const value = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return value ? value : null;
}
