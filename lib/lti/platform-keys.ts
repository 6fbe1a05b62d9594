import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';
import { guardedFetch, type OutboundFetch } from '@/lib/net/guarded-fetch';

/** Gives the key resolver for a platform's JWKS URL; one cached key set per URL. */
export type PlatformKeyResolver = (jwksUrl: string) => JWTVerifyGetKey;

export type PlatformKeyOptions = {
  /** Default: the guarded fetcher (https, public addresses only, size and time limits). */
  fetch?: OutboundFetch;
  /** Keep a fetched key set this long before fetching it again. */
  cacheMaxAgeMs?: number;
  /**
   * An unknown `kid` refetches the set (the platform rotated its key), but at most once per
   * this period, so forged kids cannot make us hammer the platform.
   */
  cooldownMs?: number;
  timeoutMs?: number;
};

export function createPlatformKeyResolver(options: PlatformKeyOptions = {}): PlatformKeyResolver {
  const sets = new Map<string, JWTVerifyGetKey>();
  return (jwksUrl) => {
    let set = sets.get(jwksUrl);
    if (!set) {
      set = createRemoteJWKSet(new URL(jwksUrl), {
        cacheMaxAge: options.cacheMaxAgeMs ?? 10 * 60_000,
        cooldownDuration: options.cooldownMs ?? 30_000,
        timeoutDuration: options.timeoutMs ?? 5_000,
        [customFetch]: options.fetch ?? guardedFetch,
      });
      sets.set(jwksUrl, set);
    }
    return set;
  };
}
