import 'server-only';
import { listActiveRegistrationUrls } from '@/db/queries/lti-registrations';

const TTL_MS = 60_000;
type Cache = { entry?: { at: number; value: Promise<string> } };
// On globalThis: proxy.ts and the route handlers are bundled apart but share one process.
const cache = ((globalThis as { __kkoFrameAncestors?: Cache }).__kkoFrameAncestors ??= {});

/**
 * `frame-ancestors` for pages an LMS shows in its frame: this site and the origins of active
 * registrations only (never a pending, anonymous one). Cached for a minute; a registration change shows within it.
 */
export function frameAncestors(): Promise<string> {
  if (!cache.entry || Date.now() - cache.entry.at > TTL_MS) {
    const value = listActiveRegistrationUrls()
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
        cache.entry = undefined;
        return "'self'";
      });
    cache.entry = { at: Date.now(), value };
  }
  return cache.entry.value;
}

export function forgetFrameAncestors() {
  cache.entry = undefined;
}
