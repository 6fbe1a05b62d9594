import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { OutboundRefused } from './outbound-refused';
import { checkOutboundTarget, type ResolvedAddress, type TargetRules } from './outbound-target';

export { OutboundRefused } from './outbound-refused';

export type GuardedFetchOptions = Omit<TargetRules, 'allowedHosts'> & {
  /** For the whole exchange, redirects and body included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
};

/** fetch's init, plus the hosts this one request may reach (checked on every redirect hop too). */
export type OutboundInit = RequestInit & { allowedHosts?: readonly string[] };
/** What every server-side request to an address someone gave us goes through. */
export type OutboundFetch = (input: string | URL, init?: OutboundInit) => Promise<Response>;

export const DEFAULT_OUTBOUND_TIMEOUT_MS = 10_000;
export const DEFAULT_OUTBOUND_MAX_BYTES = 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 204, 205, 304]);
// Never forwarded to another origin on a redirect.
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

type Hop = { url: URL; method: string; headers: Headers; body: Buffer | undefined };
type Limits = { maxBytes: number; signal: AbortSignal; deadline: AbortSignal };

function bodyBytes(body: RequestInit['body'], headers: Headers): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof URLSearchParams) {
    if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    return Buffer.from(body.toString());
  }
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(new Uint8Array(body));
  throw new TypeError('The guarded fetcher sends string, URLSearchParams or byte bodies only.');
}

/** A pinned lookup: the connection goes to the addresses that were checked, whatever DNS says now. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const cb = callback as (err: NodeJS.ErrnoException | null, address: string | ResolvedAddress[], family?: number) => void;
    if ((options as { all?: boolean }).all) cb(null, addresses);
    else cb(null, addresses[0]!.address, addresses[0]!.family);
  };
}

function abortReason(limits: Limits, timeoutMs: number): unknown {
  if (limits.signal.aborted) return limits.signal.reason;
  return new OutboundRefused('timeout', `No complete answer within ${timeoutMs} ms.`);
}

/** A DNS lookup cannot be cancelled, but the caller need not wait for it past the deadline. */
function withinDeadline<T>(work: Promise<T>, limits: Limits, timeoutMs: number): Promise<T> {
  const signals = AbortSignal.any([limits.signal, limits.deadline]);
  if (signals.aborted) return Promise.reject(abortReason(limits, timeoutMs));
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortReason(limits, timeoutMs));
    signals.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => signals.removeEventListener('abort', onAbort));
}

/** One request to a checked address; the body is read here, within the size cap. */
function exchange(
  hop: Hop,
  addresses: ResolvedAddress[],
  limits: Limits,
  timeoutMs: number,
): Promise<{ status: number; statusText: string; headers: Headers; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const signals = AbortSignal.any([limits.signal, limits.deadline]);
    if (signals.aborted) return reject(abortReason(limits, timeoutMs));
    const headers: Record<string, string> = {};
    hop.headers.forEach((value, key) => (headers[key] = value));
    if (hop.body) headers['content-length'] = String(hop.body.length);
    // Bodies are read as sent; ask for them uncompressed.
    headers['accept-encoding'] = 'identity';
    const request = (hop.url.protocol === 'https:' ? https : http).request({
      protocol: hop.url.protocol,
      hostname: hop.url.hostname.replace(/^\[|\]$/g, ''),
      port: hop.url.port || undefined,
      path: `${hop.url.pathname}${hop.url.search}`,
      method: hop.method,
      headers,
      agent: false,
      lookup: pinnedLookup(addresses),
    });
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      signals.removeEventListener('abort', onAbort);
      request.destroy();
      reject(err);
    };
    const onAbort = () => fail(abortReason(limits, timeoutMs));
    signals.addEventListener('abort', onAbort, { once: true });
    const tooLarge = () => new OutboundRefused('too_large', `${hop.url.host} sent more than ${limits.maxBytes} bytes.`);
    request.on('error', fail);
    request.on('response', (response) => {
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) return fail(tooLarge());
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) fail(tooLarge());
        else chunks.push(chunk);
      });
      response.on('error', fail);
      response.on('close', () => fail(new Error(`${hop.url.host} closed the connection mid-answer.`)));
      response.on('end', () => {
        if (settled) return;
        settled = true;
        signals.removeEventListener('abort', onAbort);
        const out = new Headers();
        for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) out.append(response.rawHeaders[i]!, response.rawHeaders[i + 1]!);
        resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', headers: out, body: Buffer.concat(chunks) });
      });
    });
    request.end(hop.body);
  });
}

/** The next hop of a redirect, as fetch would make it; credentials stay with their origin. */
function redirected(hop: Hop, status: number, location: URL): Hop {
  const headers = new Headers(hop.headers);
  if (location.origin !== hop.url.origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
  const toGet = (status === 303 && hop.method !== 'HEAD') || ((status === 301 || status === 302) && hop.method === 'POST');
  if (toGet) {
    for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) headers.delete(name);
    return { url: location, method: 'GET', headers, body: undefined };
  }
  return { url: location, method: hop.method, headers, body: hop.body };
}

/**
 * fetch for addresses that came from outside (an LMS configuration, a launch claim): every hop is
 * checked by checkOutboundTarget and connected to the checked address; redirects are followed by
 * hand (at most `maxRedirects`, none with `redirect: 'error'`, returned as is with `'manual'`);
 * the whole exchange has one deadline and the body a size cap. Refusals throw OutboundRefused.
 */
export function createGuardedFetch(options: GuardedFetchOptions = {}): OutboundFetch {
  const timeoutMs = options.timeoutMs ?? DEFAULT_OUTBOUND_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_OUTBOUND_MAX_BYTES;
  return async (input, init = {}) => {
    const limits: Limits = { maxBytes, signal: init.signal ?? new AbortController().signal, deadline: AbortSignal.timeout(timeoutMs) };
    const headers = new Headers(init.headers);
    const method = (init.method ?? 'GET').toUpperCase();
    let hop: Hop = { url: new URL(input), method, headers, body: bodyBytes(init.body, headers) };
    const maxRedirects = init.redirect === 'error' ? 0 : (options.maxRedirects ?? DEFAULT_MAX_REDIRECTS);
    const rules: TargetRules = { ...options, ...(init.allowedHosts ? { allowedHosts: init.allowedHosts } : {}) };
    for (let redirects = 0; ; redirects++) {
      const addresses = await withinDeadline(checkOutboundTarget(hop.url, rules), limits, timeoutMs);
      const answer = await exchange(hop, addresses, limits, timeoutMs);
      if (answer.status < 200 || answer.status > 599) throw new Error(`${hop.url.host} answered with status ${answer.status}.`);
      const location = answer.headers.get('location');
      if (!REDIRECTS.has(answer.status) || !location || init.redirect === 'manual') {
        const body = NULL_BODY.has(answer.status) || method === 'HEAD' ? null : new Uint8Array(answer.body);
        return new Response(body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
      }
      if (redirects >= maxRedirects) {
        throw new OutboundRefused('too_many_redirects', `${hop.url.host} redirected more than ${maxRedirects} time(s).`);
      }
      hop = redirected(hop, answer.status, new URL(location, hop.url));
    }
  };
}

/** The guarded fetcher with the strict defaults: https to public addresses only. */
export const guardedFetch: OutboundFetch = createGuardedFetch();
