import { exportJWK, generateKeyPair, type CryptoKey, type JSONWebKeySet } from 'jose';

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
