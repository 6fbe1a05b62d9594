import type { JWTPayload } from 'jose';
import type { z } from 'zod';
import { LtiLaunchError } from './errors';
import type { LoginState } from './stores';
import { isToolUrl, type ToolUrls } from './tool';
import {
  AgsEndpointClaimSchema,
  CLAIM,
  ContextClaimSchema,
  CustomClaimSchema,
  DeepLinkingSettingsClaimSchema,
  IdentityClaimsSchema,
  LaunchPresentationClaimSchema,
  LTI_VERSION,
  MESSAGE_TYPES,
  NrpsClaimSchema,
  ResourceLinkClaimSchema,
  ToolPlatformClaimSchema,
  type AgsEndpointClaim,
  type ContextClaim,
  type DeepLinkingSettingsClaim,
  type IdentityClaims,
  type LaunchPresentationClaim,
  type NrpsClaim,
  type Registration,
  type ResourceLinkClaim,
  type ToolPlatformClaim,
} from './types';

type LaunchCommon = {
  registration: Registration;
  issuer: string;
  clientId: string;
  deploymentId: string;
  /** The LTI `sub`: the user's stable id on this platform (also AGS's userId). */
  userId: string;
  roles: string[];
  identity: IdentityClaims;
  /** `launch_presentation.locale`, else the OIDC `locale` claim, as the platform spelled it. */
  locale: string | undefined;
  targetLinkUri: string;
  context: ContextClaim | undefined;
  toolPlatform: ToolPlatformClaim | undefined;
  launchPresentation: LaunchPresentationClaim | undefined;
  custom: Record<string, string>;
  ags: AgsEndpointClaim | undefined;
  nrps: NrpsClaim | undefined;
  /** The whole verified payload, for claims not lifted above (lis, lti1p1, vendor extensions). */
  claims: JWTPayload;
};

export type ResourceLinkLaunch = LaunchCommon & { messageType: 'LtiResourceLinkRequest'; resourceLink: ResourceLinkClaim };
export type DeepLinkingLaunch = LaunchCommon & { messageType: 'LtiDeepLinkingRequest'; deepLinking: DeepLinkingSettingsClaim };
export type LtiLaunch = ResourceLinkLaunch | DeepLinkingLaunch;

const shortName = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

function optionalClaim<S extends z.ZodType>(payload: JWTPayload, uri: string, schema: S): z.output<S> | undefined {
  const value = payload[uri];
  if (value === undefined || value === null) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new LtiLaunchError('invalid_claim', `${shortName(uri)}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

function sameUrl(a: string, b: string) {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

/**
 * The LTI Core checks on a payload whose signature, issuer, audience and times are already
 * verified: version, message type, deployment, target link, subject, roles and the
 * message-specific claims (lti-notes §1.2 rows 10-17).
 */
export function readLaunchClaims(payload: JWTPayload, ctx: { tool: ToolUrls; registration: Registration; login: LoginState }): LtiLaunch {
  const version = payload[CLAIM.version];
  if (version !== LTI_VERSION) throw new LtiLaunchError('wrong_version', `got ${JSON.stringify(version ?? null)}`);

  const messageType = payload[CLAIM.messageType];
  if (typeof messageType !== 'string' || !(MESSAGE_TYPES as readonly string[]).includes(messageType)) {
    throw new LtiLaunchError('unknown_message_type', `got ${JSON.stringify(messageType ?? null)}`);
  }

  const deploymentId = payload[CLAIM.deploymentId];
  if (typeof deploymentId !== 'string' || deploymentId === '') throw new LtiLaunchError('missing_deployment');
  if (!ctx.registration.deploymentIds.includes(deploymentId)) throw new LtiLaunchError('unknown_deployment', deploymentId);

  const targetLinkUri = payload[CLAIM.targetLinkUri];
  if (typeof targetLinkUri !== 'string' || targetLinkUri === '') throw new LtiLaunchError('missing_target_link_uri');
  if (!isToolUrl(ctx.tool, targetLinkUri)) throw new LtiLaunchError('foreign_target_link_uri', targetLinkUri);
  if (!sameUrl(targetLinkUri, ctx.login.targetLinkUri)) throw new LtiLaunchError('target_link_uri_mismatch');

  if (typeof payload.sub !== 'string' || payload.sub === '') throw new LtiLaunchError('missing_sub');

  const roles = payload[CLAIM.roles];
  if (!Array.isArray(roles)) throw new LtiLaunchError('missing_roles');
  if (!roles.every((r): r is string => typeof r === 'string')) throw new LtiLaunchError('invalid_claim', 'roles must be strings');

  const identity = IdentityClaimsSchema.safeParse(payload);
  if (!identity.success) throw new LtiLaunchError('invalid_claim', `identity: ${identity.error.issues[0]?.message ?? 'invalid'}`);
  const launchPresentation = optionalClaim(payload, CLAIM.launchPresentation, LaunchPresentationClaimSchema);

  const common: LaunchCommon = {
    registration: ctx.registration,
    issuer: ctx.registration.issuer,
    clientId: ctx.registration.clientId,
    deploymentId,
    userId: payload.sub,
    roles,
    identity: identity.data,
    locale: launchPresentation?.locale ?? identity.data.locale,
    targetLinkUri,
    context: optionalClaim(payload, CLAIM.context, ContextClaimSchema),
    toolPlatform: optionalClaim(payload, CLAIM.toolPlatform, ToolPlatformClaimSchema),
    launchPresentation,
    custom: optionalClaim(payload, CLAIM.custom, CustomClaimSchema) ?? {},
    ags: optionalClaim(payload, CLAIM.agsEndpoint, AgsEndpointClaimSchema),
    nrps: optionalClaim(payload, CLAIM.nrps, NrpsClaimSchema),
    claims: payload,
  };

  if (messageType === 'LtiResourceLinkRequest') {
    const resourceLink = ResourceLinkClaimSchema.safeParse(payload[CLAIM.resourceLink]);
    if (!resourceLink.success) throw new LtiLaunchError('missing_resource_link');
    return { ...common, messageType: 'LtiResourceLinkRequest', resourceLink: resourceLink.data };
  }
  const settings = DeepLinkingSettingsClaimSchema.safeParse(payload[CLAIM.deepLinkingSettings]);
  if (!settings.success) {
    const where = settings.error.issues[0]?.path.join('.');
    throw new LtiLaunchError('missing_deep_linking_settings', where || undefined);
  }
  return { ...common, messageType: 'LtiDeepLinkingRequest', deepLinking: settings.data };
}
