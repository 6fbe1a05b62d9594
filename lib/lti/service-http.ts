import type { AccessTokenProvider } from './access-token';
import { LtiServiceError } from './errors';
import type { Registration } from './types';

export type Fetch = typeof fetch;

/** What the AGS and NRPS calls need: a token source, and fetch injected so tests need no network. */
export type ServiceContext = { tokens: AccessTokenProvider; fetch?: Fetch; timeoutMs?: number };

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

/** fetch with a timeout; any failure to get an answer is a retryable network error. */
export async function sendServiceRequest(
  fetchImpl: Fetch,
  url: string,
  init: RequestInit,
  what: string,
  timeoutMs = DEFAULT_SERVICE_TIMEOUT_MS,
): Promise<Response> {
  try {
    return await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new LtiServiceError('network', `${what} failed: ${reason}`, { retryable: true, cause });
  }
}

/** The error for a non-2xx answer, classified, with the start of the body for the admin's view. */
export async function serviceFailure(response: Response, what: string, now = new Date()): Promise<LtiServiceError> {
  const body = (await response.text().catch(() => '')).slice(0, 2000);
  const snippet = body.replace(/\s+/g, ' ').slice(0, 200);
  return new LtiServiceError('http', `${what} answered ${response.status}${snippet ? `: ${snippet}` : ''}`, {
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
 * A service call with a bearer token for the scopes. A 401 gets one retry with a fresh token,
 * since platforms may revoke a token before its stated expiry. Non-2xx answers throw.
 */
export async function sendAuthorized(
  ctx: ServiceContext,
  registration: Registration,
  scopes: readonly string[],
  url: string,
  init: RequestInit & { headers: Record<string, string> },
  what: string,
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const token = await ctx.tokens.get(registration, scopes);
    const response = await sendServiceRequest(
      ctx.fetch ?? fetch,
      url,
      { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } },
      what,
      ctx.timeoutMs,
    );
    if (response.status === 401 && attempt === 0) {
      await response.body?.cancel();
      await ctx.tokens.invalidate(registration, scopes);
      continue;
    }
    if (!response.ok) throw await serviceFailure(response, what);
    return response;
  }
}
