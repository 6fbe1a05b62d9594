import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePublicUrl, publicOrigin } from './origin';

afterEach(() => vi.unstubAllEnvs());

const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'teach.kko.test:8443', host: '127.0.0.1:3117' };

describe('PUBLIC_URL', () => {
  it('is reduced to its origin', () => {
    expect(parsePublicUrl('https://teach.example.kz')).toBe('https://teach.example.kz');
    expect(parsePublicUrl(' https://Teach.Example.kz:8443/ ')).toBe('https://teach.example.kz:8443');
    expect(parsePublicUrl('http://localhost:3000')).toBe('http://localhost:3000');
    expect(parsePublicUrl(undefined)).toBeNull();
    expect(parsePublicUrl('  ')).toBeNull();
  });

  it.each([
    'teach.example.kz',
    'ftp://teach.example.kz',
    'https://teach.example.kz/app',
    'https://teach.example.kz/?x=1',
    'https://teach.example.kz/#x',
    'https://user:pw@teach.example.kz',
    'javascript:alert(1)',
    'https://',
  ])('refuses %s', (bad) => {
    expect(() => parsePublicUrl(bad)).toThrow(/PUBLIC_URL/);
  });

  it('wins over every request header', () => {
    vi.stubEnv('PUBLIC_URL', 'https://teach.example.kz/');
    expect(publicOrigin(new Request('http://localhost:3000/h/demo/1kk', { headers: forwarded }))).toBe('https://teach.example.kz');
    expect(publicOrigin(new Headers({ ...forwarded, 'x-forwarded-host': 'evil.example' }))).toBe('https://teach.example.kz');
  });

  it('throws when misconfigured rather than printing a wrong link', () => {
    vi.stubEnv('PUBLIC_URL', 'teach.example.kz');
    expect(() => publicOrigin(new Headers())).toThrow(/PUBLIC_URL/);
  });
});

describe('without PUBLIC_URL', () => {
  it('uses the forwarded proto and host the edge kept', () => {
    vi.stubEnv('PUBLIC_URL', '');
    expect(publicOrigin(new Request('http://localhost:3117/x', { headers: forwarded }))).toBe('https://teach.kko.test:8443');
    expect(publicOrigin(new Headers(forwarded))).toBe('https://teach.kko.test:8443');
  });

  it('ignores malformed forwarded values and falls back to the request', () => {
    vi.stubEnv('PUBLIC_URL', '');
    for (const bad of [
      { 'x-forwarded-host': 'evil.example/x' },
      { 'x-forwarded-host': 'a b' },
      { 'x-forwarded-proto': 'javascript' },
      { 'x-forwarded-host': 'evil.example@x' },
    ]) {
      expect(publicOrigin(new Request('http://127.0.0.1:3117/x', { headers: { ...forwarded, ...bad } }))).toBe('http://127.0.0.1:3117');
    }
  });

  it('headers alone: the Host header over http, else localhost', () => {
    vi.stubEnv('PUBLIC_URL', '');
    expect(publicOrigin(new Headers({ host: 'LocalHost:3000' }))).toBe('http://localhost:3000');
    expect(publicOrigin(new Headers({ host: 'bad host' }))).toBe('http://localhost');
  });
});
