import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch, OutboundRefused, type GuardedFetchOptions } from './guarded-fetch';
import { checkOutboundTarget, type Resolve } from './outbound-target';

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

/** A local server whose answers the tests script per path; it records what reached it. */
function startServer(handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      handler(req, res, body);
    });
  });
  return new Promise<{ port: number; seen: Seen[]; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        seen,
        close: () => {
          server.closeAllConnections();
          server.close();
        },
      }),
    ),
  );
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboundRefused);
  return (error as OutboundRefused).code;
};

/** Test names resolve only through this table; unknown names fail like NXDOMAIN. */
const table: Record<string, string[]> = {
  'lms.test': ['127.0.0.1'],
  'other.test': ['127.0.0.1'],
  'metadata.test': ['169.254.169.254'],
  'split.test': ['93.184.216.34', '10.0.0.7'],
  'public.test': ['93.184.216.34'],
};
const resolveCalls: string[] = [];
const resolve: Resolve = async (hostname) => {
  resolveCalls.push(hostname);
  const addresses = table[hostname];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};
const local = (extra: GuardedFetchOptions = {}) => createGuardedFetch({ allowLoopbackHttp: true, resolve, ...extra });

let a: Awaited<ReturnType<typeof startServer>>;
let b: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  b = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('from b'));
  a = await startServer((req, res, body) => {
    const path = req.url!.split('?')[0];
    const go = (status: number, location: string) => res.writeHead(status, { location }).end();
    if (path === '/json') return res.writeHead(200, { 'content-type': 'application/json', 'x-extra': 'yes' }).end(JSON.stringify({ ok: true, body }));
    if (path === '/no-content') return res.writeHead(204).end();
    if (path === '/to-metadata') return go(302, 'https://169.254.169.254/latest/meta-data/');
    if (path === '/to-metadata-name') return go(302, 'https://metadata.test/latest/meta-data/');
    if (path === '/to-private') return go(307, 'https://10.0.0.1/admin');
    if (path === '/to-plain-public') return go(302, 'http://public.test/');
    if (path === '/to-b-307') return go(307, `http://other.test:${b.port}/landing`);
    if (path === '/to-b-303') return go(303, `http://other.test:${b.port}/landing`);
    if (path === '/loop') return go(302, '/loop');
    if (path === '/declared-big') return res.writeHead(200, { 'content-length': String(2 * 1024 * 1024) }).end();
    if (path === '/streamed-big') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 40; i++) res.write(chunk);
      return res.end();
    }
    if (path === '/stall-body') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
      return; // never ends
    }
    if (path === '/stall-headers') return; // never answers
    res.writeHead(404).end('not here');
  });
});
afterAll(() => {
  a?.close();
  b?.close();
});

describe('the target check (every hop)', () => {
  it('refuses plain http off the loopback switch, before any DNS query', async () => {
    resolveCalls.length = 0;
    expect(await refusal(checkOutboundTarget(new URL('http://lms.test/'), { resolve }))).toBe('not_https');
    expect(await refusal(checkOutboundTarget(new URL('http://127.0.0.1/'), { resolve }))).toBe('not_https');
    expect(await refusal(checkOutboundTarget(new URL('ftp://lms.test/'), { resolve }))).toBe('not_https');
    expect(resolveCalls).toEqual([]);
  });

  it('refuses loopback over https too unless the switch is on', async () => {
    expect(await refusal(checkOutboundTarget(new URL('https://127.0.0.1/'), {}))).toBe('private_address');
    expect(await refusal(checkOutboundTarget(new URL('https://[::1]/'), {}))).toBe('private_address');
    expect(await refusal(checkOutboundTarget(new URL('https://lms.test/'), { resolve }))).toBe('private_address');
    expect(await checkOutboundTarget(new URL('https://lms.test/'), { resolve, allowLoopbackHttp: true })).toEqual([{ address: '127.0.0.1', family: 4 }]);
  });

  it('refuses private, link-local and mapped addresses even with the loopback switch on', async () => {
    for (const url of [
      'https://169.254.169.254/',
      'https://[::ffff:a9fe:a9fe]/',
      'https://10.1.2.3/',
      'https://[fd00::1]/',
      'https://0.0.0.0/',
      'https://metadata.test/',
    ]) {
      expect(await refusal(checkOutboundTarget(new URL(url), { resolve, allowLoopbackHttp: true })), url).toBe('private_address');
    }
  });

  it('refuses a name when any one of its addresses is private', async () => {
    expect(await refusal(checkOutboundTarget(new URL('https://split.test/'), { resolve }))).toBe('private_address');
    expect(await checkOutboundTarget(new URL('https://public.test/'), { resolve })).toEqual([{ address: '93.184.216.34', family: 4 }]);
  });

  it('reads decimal and hex IPv4 spellings as the addresses they are', async () => {
    expect(await refusal(checkOutboundTarget(new URL('https://2130706433/'), {}))).toBe('private_address');
    expect(await refusal(checkOutboundTarget(new URL('https://0xa9.0xfe.0xa9.0xfe/'), {}))).toBe('private_address');
  });

  it('refuses hosts outside the allowed list, and credentials in the URL', async () => {
    expect(await refusal(checkOutboundTarget(new URL('https://public.test/'), { resolve, allowedHosts: ['lms.example'] }))).toBe('other_host');
    expect(await refusal(checkOutboundTarget(new URL('https://public.test:8443/'), { resolve, allowedHosts: ['public.test'] }))).toBe('other_host');
    expect(await refusal(checkOutboundTarget(new URL('https://u:p@public.test/'), { resolve }))).toBe('not_https');
  });
});

describe('createGuardedFetch', () => {
  it('connects to the checked address, not to a second DNS answer', async () => {
    resolveCalls.length = 0;
    // lms.test exists only in the test resolver: had the socket looked the name up again, it would fail.
    const response = await local()(`http://lms.test:${a.port}/json`, { method: 'POST', body: new URLSearchParams({ q: '1' }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-extra')).toBe('yes');
    expect(await response.json()).toEqual({ ok: true, body: 'q=1' });
    expect(resolveCalls).toEqual(['lms.test']);
    const seen = a.seen.at(-1)!;
    expect(seen.headers.host).toBe(`lms.test:${a.port}`);
    expect(seen.headers['content-type']).toContain('application/x-www-form-urlencoded');
  });

  it('refuses plain http to this machine without the switch, and sends nothing', async () => {
    const before = a.seen.length;
    expect(await refusal(createGuardedFetch()(`http://127.0.0.1:${a.port}/json`))).toBe('not_https');
    expect(a.seen.length).toBe(before);
  });

  it('gives a body-less answer for 204', async () => {
    const response = await local()(`http://127.0.0.1:${a.port}/no-content`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('refuses redirects into metadata, private and plain-http addresses', async () => {
    for (const path of ['/to-metadata', '/to-metadata-name', '/to-private']) {
      expect(await refusal(local()(`http://127.0.0.1:${a.port}${path}`, { method: 'POST', body: 'secret' })), path).toBe('private_address');
    }
    expect(await refusal(local()(`http://127.0.0.1:${a.port}/to-plain-public`))).toBe('not_https');
  });

  it('follows a redirect to another origin without the credentials; 303 turns into GET', async () => {
    const before = b.seen.length;
    const kept = await local()(`http://127.0.0.1:${a.port}/to-b-307`, {
      method: 'POST',
      headers: { authorization: 'Bearer secret-token', cookie: 'a=b', 'content-type': 'application/json' },
      body: '{"x":1}',
    });
    expect(await kept.text()).toBe('from b');
    const first = b.seen[before]!;
    expect(first).toMatchObject({ method: 'POST', url: '/landing', body: '{"x":1}' });
    expect(first.headers.authorization).toBeUndefined();
    expect(first.headers.cookie).toBeUndefined();
    await local()(`http://127.0.0.1:${a.port}/to-b-303`, { method: 'POST', body: 'data' });
    expect(b.seen[before + 1]).toMatchObject({ method: 'GET', body: '' });
  });

  it('refuses a redirect to a host outside the allowed list before contacting it', async () => {
    const before = b.seen.length;
    expect(await refusal(local()(`http://127.0.0.1:${a.port}/to-b-307`, { allowedHosts: [`127.0.0.1:${a.port}`] }))).toBe('other_host');
    expect(b.seen.length).toBe(before);
  });

  it('stops after three redirects, follows none with redirect "error", and hands 3xx back with "manual"', async () => {
    const before = a.seen.filter((s) => s.url === '/loop').length;
    expect(await refusal(local()(`http://127.0.0.1:${a.port}/loop`))).toBe('too_many_redirects');
    expect(a.seen.filter((s) => s.url === '/loop').length - before).toBe(4);
    expect(await refusal(local()(`http://127.0.0.1:${a.port}/loop`, { redirect: 'error' }))).toBe('too_many_redirects');
    const manual = await local()(`http://127.0.0.1:${a.port}/loop`, { redirect: 'manual' });
    expect(manual.status).toBe(302);
  });

  it('caps the size of an answer, declared or streamed', async () => {
    expect(await refusal(local()(`http://127.0.0.1:${a.port}/declared-big`))).toBe('too_large');
    expect(await refusal(local({ maxBytes: 100_000 })(`http://127.0.0.1:${a.port}/streamed-big`))).toBe('too_large');
    const whole = await local({ maxBytes: 4 * 1024 * 1024 })(`http://127.0.0.1:${a.port}/streamed-big`);
    expect((await whole.text()).length).toBe(40 * 64 * 1024);
  });

  it('gives up on an answer that never comes or never ends', async () => {
    const started = Date.now();
    expect(await refusal(local({ timeoutMs: 300 })(`http://127.0.0.1:${a.port}/stall-headers`))).toBe('timeout');
    expect(await refusal(local({ timeoutMs: 300 })(`http://127.0.0.1:${a.port}/stall-body`))).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('does not wait past the deadline for a slow DNS answer', async () => {
    const slowDns: Resolve = () => new Promise((done) => void setTimeout(() => done([{ address: '127.0.0.1', family: 4 }]), 2000).unref());
    const started = Date.now();
    expect(await refusal(createGuardedFetch({ allowLoopbackHttp: true, resolve: slowDns, timeoutMs: 200 })(`http://slow.test:${a.port}/json`))).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("rejects with the caller's own abort reason when its signal fires first", async () => {
    const error = await local({ timeoutMs: 5000 })(`http://127.0.0.1:${a.port}/stall-headers`, { signal: AbortSignal.timeout(200) }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(OutboundRefused);
    expect((error as Error).name).toBe('TimeoutError');
  });
});
