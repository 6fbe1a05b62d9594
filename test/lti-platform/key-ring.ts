import fs from 'node:fs';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';

type SigningKey = { kid: string; privateKey: CryptoKey; publicKey: CryptoKey };

async function newKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, publicKey };
}

/** The platform's signing keys: the current one plus every earlier one, all published. */
export class KeyRing {
  private generation = 0;
  private keys: SigningKey[] = [];
  private outsider: SigningKey | undefined;

  static async create(): Promise<KeyRing> {
    const ring = new KeyRing();
    await ring.rotate();
    return ring;
  }

  /**
   * A ring whose first key is kept in `file` (created on first use): platforms started from the
   * same file, one after another, are one LMS to the tool, which caches its key set.
   */
  static async persistent(file: string): Promise<KeyRing> {
    if (!fs.existsSync(file)) {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      fs.writeFileSync(file, JSON.stringify({ ...(await exportJWK(privateKey)), kid: `platform-key-kept-${Date.now().toString(36)}` }), { mode: 0o600 });
    }
    const jwk = JSON.parse(fs.readFileSync(file, 'utf8')) as JWK & { kid: string };
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
    const ring = new KeyRing();
    ring.generation = 1;
    ring.keys.push({
      kid: jwk.kid,
      privateKey: (await importJWK(jwk, 'RS256')) as CryptoKey,
      publicKey: (await importJWK(publicJwk, 'RS256')) as CryptoKey,
    });
    return ring;
  }

  get current(): SigningKey {
    const key = this.keys[this.keys.length - 1];
    if (!key) throw new Error('the key ring is empty');
    return key;
  }

  /** A new current key; the old ones stay published, as a platform does during rotation. */
  async rotate(): Promise<string> {
    this.generation += 1;
    const key = await newKey(`platform-key-${this.generation}-${Date.now().toString(36)}`);
    this.keys.push(key);
    return key.kid;
  }

  /** A key that is not in the JWKS, for forged signatures. */
  async foreign(): Promise<SigningKey> {
    this.outsider ??= await newKey('not-published');
    return this.outsider;
  }

  async jwks(): Promise<JSONWebKeySet> {
    const keys = await Promise.all(this.keys.map(async (k) => ({ ...(await exportJWK(k.publicKey)), kid: k.kid, alg: 'RS256', use: 'sig' })));
    return { keys };
  }
}
