import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, requestNonce } from './csp';

describe('contentSecurityPolicy', () => {
  it('allows scripts only with the nonce, and keeps the framing rules', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc123abc123abc123abc123', frameAncestors: "'self'", sameOriginForms: true });
    expect(csp).toBe(
      "script-src 'self' 'nonce-abc123abc123abc123abc123' 'strict-dynamic'; frame-ancestors 'self'; base-uri 'self'; object-src 'none'; form-action 'self'",
    );
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('names the LMS origins for framed pages and lets their forms post to the LMS', () => {
    const csp = contentSecurityPolicy({ nonce: 'n0n0n0n0n0n0n0n0n0n0n0n0', frameAncestors: "'self' https://moodle.example.kz", sameOriginForms: false });
    expect(csp).toContain("frame-ancestors 'self' https://moodle.example.kz;");
    expect(csp).not.toContain('form-action');
  });

  it('without a nonce allows only the site’s own script files; development adds eval', () => {
    expect(contentSecurityPolicy({ nonce: null, frameAncestors: "'self'", sameOriginForms: true })).toMatch(/^script-src 'self'; /);
    expect(contentSecurityPolicy({ nonce: null, frameAncestors: "'self'", sameOriginForms: true, dev: true })).toMatch(/^script-src 'self' 'unsafe-eval'; /);
  });
});

describe('nonces', () => {
  it('are fresh base64 each time and read back only when well formed', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(newNonce()).not.toBe(a);
    expect(requestNonce(new Headers({ 'x-nonce': a }))).toBe(a);
    expect(requestNonce(new Headers({ 'x-nonce': '"><script>alert(1)</script>' }))).toBeNull();
    expect(requestNonce(new Headers())).toBeNull();
  });
});
