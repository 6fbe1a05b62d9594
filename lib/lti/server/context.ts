import 'server-only';
import { findActiveRegistration, listActiveRegistrationsByIssuer } from '@/db/queries/lti-registrations';
import { loginStateStore, nonceStore, toRegistration } from './stores';
import { createAccessTokenProvider } from '@/lib/lti/access-token';
import { createPlatformKeyResolver } from '@/lib/lti/platform-keys';
import type { ServiceContext } from '@/lib/lti/service-http';
import type { RegistrationLookup } from '@/lib/lti/stores';
import { toolUrls } from '@/lib/lti/tool';
import { publicOrigin } from '@/lib/server/origin';
import { outboundFetch, toolJwksUrl } from './outbound';
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
  platformKeys: createPlatformKeyResolver({ fetch: outboundFetch }),
  accessTokens: createAccessTokenProvider({ signingKey: getSigningKey, fetch: outboundFetch, ...(toolJwksUrl ? { toolJwksUrl } : {}) }),
});

export const platformKeys = shared.platformKeys;
export const accessTokens = shared.accessTokens;
/** What AGS and NRPS calls run with: the shared tokens and the guarded fetcher. */
export const services: ServiceContext = { tokens: accessTokens, fetch: outboundFetch, ...(toolJwksUrl ? { toolJwksUrl } : {}) };

export function toolFor(request: Request) {
  return toolUrls(publicOrigin(request));
}

export const stores = { registrations, loginStates: loginStateStore, nonces: nonceStore };
