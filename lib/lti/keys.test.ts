import { calculateJwkThumbprint, createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildToolJwks, generateToolKeyPair, importToolSigningKey, type ToolKeyPair } from './keys';

let current: ToolKeyPair;
let previous: ToolKeyPair;

beforeAll(async () => {
  [current, previous] = await Promise.all([generateToolKeyPair(), generateToolKeyPair()]);
});

describe('tool keys', () => {
  it('generates an RS256 pair whose kid is its JWK thumbprint', async () => {
    expect(current.kid).toBe(await calculateJwkThumbprint(current.publicJwk));
    expect(current.publicJwk).toEqual({ kty: 'RSA', n: expect.any(String), e: 'AQAB', kid: current.kid, alg: 'RS256', use: 'sig' });
    expect(current.privateJwk).toMatchObject({ kid: current.kid, d: expect.any(String) });
    expect(current.kid).not.toBe(previous.kid);
  });

  it('signs with the imported private JWK, verifiable through the published JWKS', async () => {
    const stored = JSON.parse(JSON.stringify(current.privateJwk));
    const key = await importToolSigningKey(stored);
    const jwt = await new SignJWT({ hello: 'world' }).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.key);
    const jwks = buildToolJwks([{ publicJwk: current.publicJwk, status: 'current' }]);
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks));
    expect(payload.hello).toBe('world');
  });

  it('publishes the current and previous keys, not retired ones', () => {
    const retired = { ...previous.publicJwk, kid: 'retired-kid' };
    const jwks = buildToolJwks([
      { publicJwk: current.publicJwk, status: 'current' },
      { publicJwk: previous.publicJwk, status: 'previous' },
      { publicJwk: retired, status: 'retired' },
    ]);
    expect(jwks.keys.map((k) => k.kid)).toEqual([current.kid, previous.kid]);
  });

  it('never publishes private key material, even when handed a private JWK', () => {
    const jwks = buildToolJwks([{ publicJwk: current.privateJwk, status: 'current' }]);
    expect(Object.keys(jwks.keys[0]!).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });

  it('refuses to sign with a public key or a key without kid', async () => {
    await expect(importToolSigningKey(current.publicJwk)).rejects.toThrow(/not a private key/);
    const { kid: _, ...noKid } = current.privateJwk;
    await expect(importToolSigningKey(noKid)).rejects.toThrow(/no kid/);
  });
});
