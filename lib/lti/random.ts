import { base64url } from 'jose';

/** An unguessable URL-safe token (state, nonce, jti). */
export function randomToken(bytes = 32): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(bytes)));
}
