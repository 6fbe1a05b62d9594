import 'server-only';
import { findActiveRegistration, listActiveRegistrationsByIssuer } from '@/db/queries/lti-registrations';
import { loginStateStore, nonceStore, toRegistration } from './stores';
import { createAccessTokenProvider } from '@/lib/lti/access-token';
import { createPlatformKeyResolver } from '@/lib/lti/platform-keys';
import type { RegistrationLookup } from '@/lib/lti/stores';
import { toolUrls } from '@/lib/lti/tool';
import { publicOrigin } from '@/lib/server/origin';
import { getSigningKey } from './tool-keys';

export const registrations: RegistrationLookup = {
  async findRegistration(issuer, clientId) {
    const r = await findActiveRegistration(issuer, clientId);
    return r ? toRegistration(r) : null;
  },
  async listRegistrations(issuer) {
    return (await listActiveRegistrationsByIssuer(issuer)).map(toRegistration);
  },
};

type Shared = { platformKeys: ReturnType<typeof createPlatformKeyResolver>; accessTokens: ReturnType<typeof createAccessTokenProvider> };
// One JWKS cache and one access-token cache per process.
const shared = ((globalThis as { __kkoLti?: Shared }).__kkoLti ??= {
  platformKeys: createPlatformKeyResolver(),
  accessTokens: createAccessTokenProvider({ signingKey: getSigningKey }),
});

export const platformKeys = shared.platformKeys;
export const accessTokens = shared.accessTokens;

export function toolFor(request: Request) {
  return toolUrls(publicOrigin(request));
}

export const stores = { registrations, loginStates: loginStateStore, nonces: nonceStore };
