import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';

export const TOOL_KEY_ALG = 'RS256';

/** A tool key pair as stored: the private half belongs encrypted in the database. */
export type ToolKeyPair = { kid: string; publicJwk: JWK; privateJwk: JWK };

/** The key that signs client assertions and deep-linking responses. */
export type ToolSigningKey = { kid: string; key: CryptoKey };

/**
 * `current` signs; `previous` is still published so that platforms holding tokens or cached
 * key sets from before a rotation keep verifying; `retired` is gone from the JWKS.
 */
export type ToolKeyStatus = 'current' | 'previous' | 'retired';
export type PublishedToolKey = { publicJwk: JWK; status: ToolKeyStatus };

/** Only the public members: a private JWK passed by mistake must never reach the JWKS. */
function publicPart(jwk: JWK): JWK {
  if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e || !jwk.kid) throw new Error('A tool key must be an RSA JWK with a kid.');
  return { kty: 'RSA', n: jwk.n, e: jwk.e, kid: jwk.kid, alg: TOOL_KEY_ALG, use: 'sig' };
}

/** A fresh RS256 pair; the kid is the RFC 7638 thumbprint, so it is stable and unique. */
export async function generateToolKeyPair(): Promise<ToolKeyPair> {
  const { publicKey, privateKey } = await generateKeyPair(TOOL_KEY_ALG, { extractable: true, modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = await exportJWK(privateKey);
  return {
    kid,
    publicJwk: publicPart({ ...publicJwk, kid }),
    privateJwk: { ...privateJwk, kid, alg: TOOL_KEY_ALG, use: 'sig' },
  };
}

export async function importToolSigningKey(privateJwk: JWK): Promise<ToolSigningKey> {
  if (!privateJwk.kid) throw new Error('The tool private JWK has no kid.');
  if (!privateJwk.d) throw new Error('The tool JWK is not a private key.');
  const key = await importJWK(privateJwk, TOOL_KEY_ALG);
  if (key instanceof Uint8Array) throw new Error('The tool key must be an RSA key pair, not a secret.');
  return { kid: privateJwk.kid, key };
}

/** The JWKS served at /lti/jwks: every key not yet retired. */
export function buildToolJwks(keys: readonly PublishedToolKey[]): JSONWebKeySet {
  return { keys: keys.filter((k) => k.status !== 'retired').map((k) => publicPart(k.publicJwk)) };
}
