/**
 * The Content-Security-Policy of a response. Scripts run only from this site's pages with the
 * request's nonce ('strict-dynamic' lets those load Next's chunks), so a script injected into
 * the markup does not run. `frameAncestors` is who may frame the page; pages an LMS frames post
 * forms to the LMS, so only the others are held to `form-action 'self'`.
 */
export function contentSecurityPolicy(options: { nonce: string | null; frameAncestors: string; sameOriginForms: boolean; dev?: boolean }) {
  const scripts = options.nonce ? `'self' 'nonce-${options.nonce}' 'strict-dynamic'` : "'self'";
  // React in development rebuilds server error stacks with eval; production never needs it.
  const directives = [
    `script-src ${scripts}${options.dev ? " 'unsafe-eval'" : ''}`,
    `frame-ancestors ${options.frameAncestors}`,
    "base-uri 'self'",
    "object-src 'none'",
  ];
  if (options.sameOriginForms) directives.push("form-action 'self'");
  return directives.join('; ');
}

/** A fresh, unguessable nonce for one response. */
export function newNonce() {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/** The nonce the proxy gave this request, for HTML a route handler writes itself; null when there is none. */
export function requestNonce(headers: Headers) {
  const nonce = headers.get('x-nonce');
  return nonce && /^[A-Za-z0-9+/]{16,64}={0,2}$/.test(nonce) ? nonce : null;
}
