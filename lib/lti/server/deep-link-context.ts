import 'server-only';
import { jwtVerify, SignJWT, type JWK } from 'jose';
import { listToolKeys } from '@/db/queries/lti-tool-keys';
import type { DeepLinkingLaunch } from '@/lib/lti/launch';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { getSigningKey } from './tool-keys';

/** `locale` is the launch's language: the content items are titled in it. */
export type PickerContext = Pick<DeepLinkingLaunch, 'issuer' | 'clientId' | 'deploymentId' | 'deepLinking'> & { locale: Locale };

/**
 * The deep-linking picker posts back to us, not the LMS: the launch's settings travel in a
 * short-lived token signed with the tool's own key, so no session is needed in the frame.
 */
export async function signPickerContext(launch: DeepLinkingLaunch, locale: Locale) {
  const key = await getSigningKey();
  const payload: PickerContext = {
    issuer: launch.issuer,
    clientId: launch.clientId,
    deploymentId: launch.deploymentId,
    deepLinking: launch.deepLinking,
    locale,
  };
  return new SignJWT({ ctx: payload })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setIssuedAt()
    .setExpirationTime('15m')
    .setAudience('kko-deep-link-picker')
    .sign(key.key);
}

export async function verifyPickerContext(token: string): Promise<PickerContext | null> {
  const keys = await listToolKeys();
  for (const k of keys.filter((x) => !x.retiredAt)) {
    try {
      const { importJWK } = await import('jose');
      const { payload } = await jwtVerify(token, await importJWK(k.publicJwk as JWK, 'RS256'), { audience: 'kko-deep-link-picker' });
      const ctx = (payload as { ctx: PickerContext }).ctx;
      // Tokens signed before the locale travelled with them fall back to English.
      return { ...ctx, locale: isLocale(ctx.locale) ? ctx.locale : 'en' };
    } catch {
      // try the next key
    }
  }
  return null;
}
