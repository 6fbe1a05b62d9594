import 'server-only';
import { importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import { listToolKeys } from '@/db/queries/lti';
import { getSigningKey } from './tool-keys';

const AUDIENCE = 'kko-lti-bind';

/**
 * The school-specific part of the registration URL a school admin gives the LMS admin: a
 * signed, expiring token naming the school, so a dynamic registration lands bound to it.
 */
export async function signBindToken(schoolId: string, days = 14) {
  const key = await getSigningKey();
  return new SignJWT({ school: schoolId }).setProtectedHeader({ alg: 'RS256', kid: key.kid }).setIssuedAt().setExpirationTime(`${days}d`).setAudience(AUDIENCE).sign(key.key);
}

export async function verifyBindToken(token: string): Promise<string | null> {
  for (const k of await listToolKeys()) {
    try {
      const { payload } = await jwtVerify(token, await importJWK(k.publicJwk as JWK, 'RS256'), { audience: AUDIENCE });
      return typeof payload.school === 'string' ? payload.school : null;
    } catch {
      // next key
    }
  }
  return null;
}
