import { guardedFetch, OutboundRefused, type OutboundFetch } from '@/lib/net/guarded-fetch';
import type { AccessTokenProvider } from './access-token';
import { LtiServiceError } from './errors';
import { logRemoteAnswer, plainCause, type RemoteService } from './remote-answers';
import { isServiceHostOf, registrationHosts } from './service-hosts';
import type { Registration } from './types';

/** How LTI calls reach a platform: the guarded fetcher by default, injected in tests. */
export type Fetch = OutboundFetch;

/**
 * What the AGS and NRPS calls need: a token source, and fetch injected so tests need no network.
 * `toolJwksUrl` names our key set in the advice given when the LMS refuses our credentials.
 */
export type ServiceContext = { tokens: AccessTokenProvider; fetch?: Fetch; timeoutMs?: number; toolJwksUrl?: string };

/** One platform call: who answers (for messages) and which service it is (for the plain cause). */
export type ServiceCall = { what: string; service: RemoteService; toolJwksUrl?: string };

export const DEFAULT_SERVICE_TIMEOUT_MS = 10_000;

/** Worth retrying later: the platform is down, overloaded or rate-limiting us. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

function retryAfterSeconds(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/**
 * fetch with a timeout; a refused address is permanent, any other failure to get an answer is
 * a retryable network error.
 */
export async function sendServiceRequest(
  fetchImpl: Fetch,
  url: string,
  init: RequestInit & { allowedHosts?: readonly string[] },
  what: string,
  timeoutMs = DEFAULT_SERVICE_TIMEOUT_MS,
): Promise<Response> {
  try {
    return await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (cause) {
    if (cause instanceof OutboundRefused && !cause.retryable) {
      throw new LtiServiceError('refused', `${what} was not called: ${cause.message}`, { retryable: false, cause });
    }
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new LtiServiceError('network', `${what} failed: ${reason}`, { retryable: true, cause });
  }
}

/**
 * The error for a non-2xx answer, classified, with a plain cause for the admin's view. The body
 * goes to the server log and stays on the error for code, never into its message.
 */
export async function serviceFailure(response: Response, call: ServiceCall, now = new Date()): Promise<LtiServiceError> {
  const body = (await response.text().catch(() => '')).slice(0, 2000);
  logRemoteAnswer(call.what, response.status, body);
  return new LtiServiceError('http', `${call.what} answered HTTP ${response.status}: ${plainCause(call.service, response.status, call.toolJwksUrl)}.`, {
    retryable: isRetryableStatus(response.status),
    status: response.status,
    retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after'), now),
    responseBody: body,
  });
}

export async function readServiceJson(response: Response, what: string): Promise<unknown> {
  try {
    return await response.json();
  } catch (cause) {
    throw new LtiServiceError('invalid_response', `${what} did not answer with JSON.`, {
      retryable: false,
      status: response.status,
      cause,
    });
  }
}

/**
 * A service call with a bearer token for the scopes, only to the registration's own hosts (the
 * URL comes from a launch claim or a next link, and the token must not leave the platform). A
 * 401 gets one retry with a fresh token, since platforms may revoke a token before its stated
 * expiry. Non-2xx answers throw.
 */
export async function sendAuthorized(
  ctx: ServiceContext,
  registration: Registration,
  scopes: readonly string[],
  url: string,
  init: RequestInit & { headers: Record<string, string> },
  call: ServiceCall,
): Promise<Response> {
  if (!isServiceHostOf(registration, url)) {
    const host = URL.canParse(url) ? new URL(url).host : 'an unreadable address';
    throw new LtiServiceError('refused', `${call.what} was not called: ${host} is not a host of this LMS registration.`, { retryable: false });
  }
  const allowedHosts = [...registrationHosts(registration), new URL(url).host];
  for (let attempt = 0; ; attempt++) {
    const token = await ctx.tokens.get(registration, scopes);
    const response = await sendServiceRequest(
      ctx.fetch ?? guardedFetch,
      url,
      { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` }, allowedHosts },
      call.what,
      ctx.timeoutMs,
    );
    if (response.status === 401 && attempt === 0) {
      await response.body?.cancel();
      await ctx.tokens.invalidate(registration, scopes);
      continue;
    }
    if (!response.ok) throw await serviceFailure(response, { ...(ctx.toolJwksUrl ? { toolJwksUrl: ctx.toolJwksUrl } : {}), ...call });
    return response;
  }
}
