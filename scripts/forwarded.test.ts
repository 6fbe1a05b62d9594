import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeAddress, parseTrustedProxies, resolveForwarded, sanitizeRequest, validHost } from './forwarded.mjs';

const local = parseTrustedProxies('127.0.0.1,::1');
const resolve = (remoteAddress: string, headers: Record<string, string | string[]>, trusted = local) =>
  resolveForwarded({ remoteAddress, encrypted: false, headers, trusted });

describe('TRUSTED_PROXIES', () => {
  it('accepts IPv4, IPv6, CIDR ranges and spaces', () => {
    const list = parseTrustedProxies(' 10.0.0.0/8 , 192.168.1.7, fd00::/8,::1 ')!;
    expect(list.check('10.200.3.4', 'ipv4')).toBe(true);
    expect(list.check('11.0.0.1', 'ipv4')).toBe(false);
    expect(list.check('192.168.1.7', 'ipv4')).toBe(true);
    expect(list.check('192.168.1.8', 'ipv4')).toBe(false);
    expect(list.check('fd12::1', 'ipv6')).toBe(true);
    expect(list.check('::1', 'ipv6')).toBe(true);
    expect(list.check('fe80::1', 'ipv6')).toBe(false);
  });

  it('an IPv4-mapped entry trusts the IPv4 peer it stands for', () => {
    const r = resolve('::ffff:10.1.2.3', { 'x-forwarded-for': '198.51.100.7' }, parseTrustedProxies('::ffff:10.1.2.3'));
    expect(r).toMatchObject({ for: '198.51.100.7', viaProxy: true });
  });

  it('is empty when unset or blank', () => {
    expect(parseTrustedProxies(undefined)).toBeNull();
    expect(parseTrustedProxies(' , ')).toBeNull();
  });

  it.each(['localhost', '10.0.0.0/33', '::1/129', '10.0.0.1/8/8', '300.1.1.1', '10.0.0.0/x', 'nginx:80'])('refuses %s', (bad) => {
    expect(() => parseTrustedProxies(`127.0.0.1,${bad}`)).toThrow(/TRUSTED_PROXIES/);
  });
});

describe('addresses and hosts', () => {
  it('reduces socket and proxy spellings to the bare IP', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toEqual({ address: '127.0.0.1', family: 4 });
    expect(normalizeAddress('[2001:DB8::1]:443')).toEqual({ address: '2001:db8::1', family: 6 });
    expect(normalizeAddress(' 203.0.113.9:5678 ')).toEqual({ address: '203.0.113.9', family: 4 });
    expect(normalizeAddress('unknown')).toBeNull();
    expect(normalizeAddress('')).toBeNull();
  });

  it('validates Host values', () => {
    expect(validHost('Teach.Example.KZ')).toBe('teach.example.kz');
    expect(validHost('teach.kko.test:8443')).toBe('teach.kko.test:8443');
    expect(validHost('127.0.0.1:3000')).toBe('127.0.0.1:3000');
    expect(validHost('[::1]:3000')).toBe('[::1]:3000');
    expect(validHost('localhost')).toBe('localhost');
    for (const bad of [
      'evil.example/path',
      'a b',
      'x:0',
      'x:70000',
      '-bad.example',
      'exa_mple.kz',
      '[zz::1]',
      'host:80:80',
      '',
      'a@b',
      '1.2.3.4.5',
      `${'a'.repeat(64)}.kz`,
    ]) {
      expect(validHost(bad), bad).toBeNull();
    }
  });
});

describe('resolving the client', () => {
  it('an untrusted peer: forwarded headers are ignored, the socket and Host decide', () => {
    const r = resolve('203.0.113.5', {
      host: 'teach.example.kz',
      'x-forwarded-for': '1.1.1.1',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
    });
    expect(r).toEqual({ for: '203.0.113.5', proto: 'http', host: 'teach.example.kz', viaProxy: false });
  });

  it('nobody is trusted without TRUSTED_PROXIES, not even loopback', () => {
    const r = resolve('127.0.0.1', { host: 'a.kz', 'x-forwarded-for': '1.1.1.1', 'x-forwarded-host': 'evil.example' }, null);
    expect(r).toMatchObject({ for: '127.0.0.1', host: 'a.kz', viaProxy: false });
  });

  it('a trusted proxy: the nearest untrusted hop is the client; forged hops to its left are ignored', () => {
    const r = resolve('::ffff:127.0.0.1', {
      host: '127.0.0.1:3000',
      'x-forwarded-for': '6.6.6.6, 198.51.100.7',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'teach.kko.test:8443',
    });
    expect(r).toEqual({ for: '198.51.100.7', proto: 'https', host: 'teach.kko.test:8443', viaProxy: true });
  });

  it('skips every trusted hop of a chain of proxies', () => {
    const chain = parseTrustedProxies('10.0.0.0/8');
    const r = resolve('10.0.0.2', { 'x-forwarded-for': ['6.6.6.6, 198.51.100.7', '10.1.1.1, 10.0.0.3'] }, chain);
    expect(r.for).toBe('198.51.100.7');
  });

  it('a chain of trusted hops only: the farthest one; no header: the proxy itself', () => {
    expect(resolve('127.0.0.1', { 'x-forwarded-for': '::1, 127.0.0.1' }).for).toBe('::1');
    expect(resolve('127.0.0.1', {}).for).toBe('127.0.0.1');
  });

  it('garbage in the chain stops the walk at the last address a trusted hop vouched for', () => {
    expect(resolve('127.0.0.1', { 'x-forwarded-for': 'not-an-ip, 198.51.100.7' }).for).toBe('198.51.100.7');
    expect(resolve('127.0.0.1', { 'x-forwarded-for': '198.51.100.7, <script>' }).for).toBe('127.0.0.1');
  });

  it('a trusted proxy with an invalid proto or host falls back to the socket and Host header', () => {
    const r = resolve('127.0.0.1', { host: 'teach.example.kz', 'x-forwarded-proto': 'javascript', 'x-forwarded-host': 'evil.example/@x' });
    expect(r).toMatchObject({ proto: 'http', host: 'teach.example.kz' });
    expect(resolve('127.0.0.1', { 'x-forwarded-proto': 'HTTPS, http', 'x-forwarded-host': 'a.kz, b.kz' })).toMatchObject({ proto: 'https', host: 'a.kz' });
  });

  it('an invalid Host header is dropped', () => {
    expect(resolve('203.0.113.5', { host: 'bad host' }).host).toBeNull();
  });
});

describe('sanitizeRequest on a real socket', () => {
  let server: http.Server;
  let base: string;
  let trusted: ReturnType<typeof parseTrustedProxies> = null;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      sanitizeRequest(req, trusted);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ headers: req.headers, raw: req.rawHeaders }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const call = async (headers: Record<string, string>) =>
    (await (await fetch(`${base}/`, { headers })).json()) as { headers: Record<string, string>; raw: string[] };

  it('removes forged headers from an untrusted peer and writes its own', async () => {
    trusted = parseTrustedProxies('10.0.0.0/8');
    const { headers, raw } = await call({
      'x-forwarded-for': '6.6.6.6',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
      forwarded: 'for=6.6.6.6',
      'x-real-ip': '6.6.6.6',
      'x-forwarded-port': '1',
    });
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(headers['x-forwarded-proto']).toBe('http');
    expect(headers['x-forwarded-host']).toBe(new URL(base).host);
    expect(headers.forwarded).toBeUndefined();
    expect(headers['x-real-ip']).toBeUndefined();
    expect(headers['x-forwarded-port']).toBeUndefined();
    expect(raw.join('\n')).not.toMatch(/6\.6\.6\.6|evil\.example/);
  });

  it("keeps a trusted proxy's view", async () => {
    trusted = parseTrustedProxies('127.0.0.1');
    const { headers } = await call({ 'x-forwarded-for': '6.6.6.6, 198.51.100.7', 'x-forwarded-host': 'teach.kko.test:8443', 'x-forwarded-proto': 'https' });
    expect(headers['x-forwarded-for']).toBe('198.51.100.7');
    expect(headers['x-forwarded-proto']).toBe('https');
    expect(headers['x-forwarded-host']).toBe('teach.kko.test:8443');
  });
});
