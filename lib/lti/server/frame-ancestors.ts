import 'server-only';
import { listRegistrations } from '@/db/queries/lti';

const TTL_MS = 60_000;
let cached: { at: number; value: Promise<string> } | undefined;

/**
 * `frame-ancestors` for pages an LMS shows in its frame: this site and the registered
 * platforms' origins only. Cached for a minute; a registration change shows within it.
 */
export function frameAncestors(): Promise<string> {
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const value = listRegistrations()
      .then((rows) => {
        const origins = new Set<string>();
        for (const r of rows) {
          for (const u of [r.issuer, r.authUrl]) {
            try {
              origins.add(new URL(u).origin);
            } catch {
              // not a URL: nothing to allow
            }
          }
        }
        return ["'self'", ...origins].join(' ');
      })
      .catch((err) => {
        console.error('[lti] frame-ancestors:', (err as Error).message);
        cached = undefined;
        return "'self'";
      });
    cached = { at: Date.now(), value };
  }
  return cached.value;
}

export function forgetFrameAncestors() {
  cached = undefined;
}
