import { SignJWT } from 'jose';
import { z } from 'zod';
import { LtiServiceError } from './errors';
import type { ToolSigningKey } from './keys';
import { MemoryAccessTokenCache } from './memory-stores';
import { randomToken } from './random';
import { guardedFetch } from '@/lib/net/guarded-fetch';
import { readServiceJson, sendServiceRequest, serviceFailure, type Fetch } from './service-http';
import { systemClock, type AccessTokenCache, type Clock } from './stores';
import type { Registration } from './types';

export type AccessTokenDeps = {
  /** The tool's current signing key (looked up per call, so a rotation takes effect at once). */
  signingKey: () => Promise<ToolSigningKey>;
  fetch?: Fetch;
  clock?: Clock;
  cache?: AccessTokenCache;
  timeoutMs?: number;
  /** Our key set's public URL, named in the advice when the LMS refuses our signed request. */
  toolJwksUrl?: string;
};

export type AccessTokenProvider = {
  /** A bearer token for these scopes, from the cache until shortly before it expires. */
  get(registration: Registration, scopes: readonly string[]): Promise<string>;
  /** Forget the cached token, e.g. after the platform answered 401 to it. */
  invalidate(registration: Registration, scopes: readonly string[]): Promise<void>;
};

const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', 'token_type must be Bearer'),
  // Some platforms send it as a string.
  expires_in: z.coerce.number().positive().optional(),
  scope: z.string().optional(),
});

const ASSERTION_TTL_SECONDS = 60;
const DEFAULT_TOKEN_TTL_SECONDS = 300;
// Stop using a token a little before the platform's expiry, so it never dies in flight.
const expiryMarginSeconds = (ttl: number) => Math.min(60, ttl / 4);

const cacheKey = (registration: Registration, scopes: readonly string[]) =>
  JSON.stringify([registration.issuer, registration.clientId, [...new Set(scopes)].sort()]);

/** The JWT bearer client assertion (RFC 7523) that authenticates the tool at the token endpoint. */
export async function buildClientAssertion(registration: Registration, key: ToolSigningKey, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(registration.clientId)
    .setSubject(registration.clientId)
    .setAudience(registration.tokenAudience ?? registration.tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ASSERTION_TTL_SECONDS)
    .setJti(randomToken(16))
    .sign(key.key);
}

export function createAccessTokenProvider(deps: AccessTokenDeps): AccessTokenProvider {
  const clock = deps.clock ?? systemClock;
  const cache = deps.cache ?? new MemoryAccessTokenCache();
  const fetchImpl = deps.fetch ?? guardedFetch;
  // Concurrent score posts share one token request instead of each asking for a token.
  const pending = new Map<string, Promise<string>>();

  async function requestToken(registration: Registration, scopes: readonly string[], key: string): Promise<string> {
    const what = `The token endpoint of ${registration.issuer}`;
    const now = clock.now();
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: await buildClientAssertion(registration, await deps.signingKey(), now),
      scope: [...new Set(scopes)].join(' '),
    });
    const response = await sendServiceRequest(
      fetchImpl,
      registration.tokenUrl,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body },
      what,
      deps.timeoutMs,
    );
    if (!response.ok) throw await serviceFailure(response, { what, service: 'token', ...(deps.toolJwksUrl ? { toolJwksUrl: deps.toolJwksUrl } : {}) }, now);
    const parsed = TokenResponseSchema.safeParse(await readServiceJson(response, what));
    if (!parsed.success) {
      throw new LtiServiceError('invalid_response', `${what} sent an unusable token: ${parsed.error.issues[0]?.message}`, {
        retryable: false,
        status: response.status,
      });
    }
    const ttl = parsed.data.expires_in ?? DEFAULT_TOKEN_TTL_SECONDS;
    const usableFor = ttl - expiryMarginSeconds(ttl);
    await cache.set(key, { accessToken: parsed.data.access_token, expiresAt: new Date(now.getTime() + usableFor * 1000) });
    return parsed.data.access_token;
  }

  return {
    async get(registration, scopes) {
      const key = cacheKey(registration, scopes);
      const cached = await cache.get(key);
      if (cached && cached.expiresAt > clock.now()) return cached.accessToken;
      let request = pending.get(key);
      if (!request) {
        request = requestToken(registration, scopes, key).finally(() => pending.delete(key));
        pending.set(key, request);
      }
      return request;
    },
    async invalidate(registration, scopes) {
      await cache.delete(cacheKey(registration, scopes));
    },
  };
}
