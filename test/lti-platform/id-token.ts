import { SignJWT, UnsecuredJWT } from 'jose';
import type { KeyRing } from './key-ring';
import type { Forgery, LaunchSpec } from './types';
import { CLAIMS, SCOPES } from './vocabulary';

export type PlatformUrls = {
  issuer: string;
  lineItemUrl(contextId: string, lineItemId: string): string;
  lineItemsUrl(contextId: string): string;
  membershipsUrl(contextId: string): string;
  deepLinkReturnUrl: string;
};

const claimKey = (name: string) => (name in CLAIMS ? CLAIMS[name as keyof typeof CLAIMS] : name);

/** The claims a conforming platform sends for this launch, before any forgery. */
export function launchClaims(urls: PlatformUrls, spec: LaunchSpec, nonce: string, ttlSeconds: number) {
  const iat = Math.floor(Date.now() / 1000);
  const user = spec.user;
  const claims: Record<string, unknown> = {
    iss: urls.issuer,
    aud: spec.clientId,
    azp: spec.clientId,
    sub: user.sub,
    iat,
    exp: iat + ttlSeconds,
    nonce,
    ...(user.name ? { name: user.name } : {}),
    ...(user.givenName ? { given_name: user.givenName } : {}),
    ...(user.familyName ? { family_name: user.familyName } : {}),
    ...(user.email ? { email: user.email } : {}),
    ...(user.locale ? { locale: user.locale } : {}),
    [CLAIMS.message_type]: spec.messageType,
    [CLAIMS.version]: '1.3.0',
    [CLAIMS.deployment_id]: spec.deploymentId,
    [CLAIMS.target_link_uri]: spec.targetLinkUri,
    [CLAIMS.roles]: spec.roles,
    [CLAIMS.context]: { ...spec.context, type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering'] },
    [CLAIMS.tool_platform]: { guid: 'kko-test-platform', name: 'KKO Test Platform', product_family_code: 'kko-test', version: '1.0' },
    [CLAIMS.launch_presentation]: {
      document_target: 'iframe',
      return_url: `${urls.issuer}/return`,
      ...(spec.locale ? { locale: spec.locale } : {}),
    },
    [CLAIMS.custom]: spec.custom ?? {},
    [CLAIMS.ags]: {
      scope: [SCOPES.lineItem, SCOPES.lineItemReadonly, SCOPES.resultReadonly, SCOPES.score],
      lineitems: urls.lineItemsUrl(spec.context.id),
      lineitem: urls.lineItemUrl(spec.context.id, spec.lineItemId),
    },
    [CLAIMS.nrps]: { context_memberships_url: urls.membershipsUrl(spec.context.id), service_versions: ['2.0'] },
  };
  if (spec.messageType === 'LtiDeepLinkingRequest') {
    claims[CLAIMS.deep_linking_settings] = {
      deep_link_return_url: urls.deepLinkReturnUrl,
      accept_types: ['ltiResourceLink'],
      accept_presentation_document_targets: ['iframe', 'window'],
      accept_multiple: spec.acceptMultiple ?? true,
      accept_lineitem: true,
      ...(spec.deepLinkingData !== undefined ? { data: spec.deepLinkingData } : {}),
    };
  } else {
    claims[CLAIMS.resource_link] = spec.resourceLink;
  }
  return claims;
}

/** Applies the spec's forgery to honest claims. */
export function forgeClaims(claims: Record<string, unknown>, spec: LaunchSpec, previousNonce: string | undefined) {
  const f = spec.forge ?? {};
  const out = { ...claims };
  const iat = (out.iat as number) + (f.iatOffsetSeconds ?? 0);
  out.iat = iat;
  out.exp = iat + (f.expiresInSeconds ?? (claims.exp as number) - (claims.iat as number));
  if (f.iss !== undefined) out.iss = f.iss;
  if (f.aud !== undefined) out.aud = f.aud;
  if (f.azp === null) delete out.azp;
  else if (f.azp !== undefined) out.azp = f.azp;
  if (f.replayNonce && previousNonce) out.nonce = previousNonce;
  if (f.nonce !== undefined) out.nonce = f.nonce;
  if (f.version !== undefined) out[CLAIMS.version] = f.version;
  if (f.messageType !== undefined) out[CLAIMS.message_type] = f.messageType;
  if (f.targetLinkUri !== undefined) out[CLAIMS.target_link_uri] = f.targetLinkUri;
  if (f.deploymentId === null) delete out[CLAIMS.deployment_id];
  else if (f.deploymentId !== undefined) out[CLAIMS.deployment_id] = f.deploymentId;
  if (f.sub === null) delete out.sub;
  else if (f.sub !== undefined) out.sub = f.sub;
  for (const name of f.omitClaims ?? []) delete out[claimKey(name)];
  return { ...out, ...f.claims };
}

export async function signIdToken(keys: KeyRing, claims: Record<string, unknown>, signWith: Forgery['signWith']) {
  if (signWith === 'none') return new UnsecuredJWT(claims).encode();
  const honest = keys.current;
  const key = signWith === 'foreign-key' || signWith === 'unknown-kid' ? await keys.foreign() : honest;
  const kid = signWith === 'unknown-kid' ? key.kid : honest.kid;
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key.privateKey);
}
