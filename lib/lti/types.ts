import { z } from 'zod';

export const LTI_VERSION = '1.3.0';

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';

export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  toolPlatform: `${LTI}tool_platform`,
  launchPresentation: `${LTI}launch_presentation`,
  custom: `${LTI}custom`,
  lis: `${LTI}lis`,
  roleScopeMentor: `${LTI}role_scope_mentor`,
  lti1p1: `${LTI}lti1p1`,
  agsEndpoint: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  deepLinkingData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  deepLinkingMsg: 'https://purl.imsglobal.org/spec/lti-dl/claim/msg',
  deepLinkingLog: 'https://purl.imsglobal.org/spec/lti-dl/claim/log',
  deepLinkingErrorMsg: 'https://purl.imsglobal.org/spec/lti-dl/claim/errormsg',
  deepLinkingErrorLog: 'https://purl.imsglobal.org/spec/lti-dl/claim/errorlog',
} as const;

export const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
export const PLATFORM_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-platform-configuration';

export const MESSAGE_TYPES = ['LtiResourceLinkRequest', 'LtiDeepLinkingRequest'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];
export const DEEP_LINKING_RESPONSE = 'LtiDeepLinkingResponse';

export const SCOPE = {
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  lineItemReadonly: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  resultReadonly: 'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  contextMembershipReadonly: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
} as const;

export const ROLE_VOCABULARY = {
  context: 'http://purl.imsglobal.org/vocab/lis/v2/membership#',
  institution: 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#',
  system: 'http://purl.imsglobal.org/vocab/lis/v2/system/person#',
} as const;

export const ROLE = {
  context: {
    Administrator: `${ROLE_VOCABULARY.context}Administrator`,
    ContentDeveloper: `${ROLE_VOCABULARY.context}ContentDeveloper`,
    Instructor: `${ROLE_VOCABULARY.context}Instructor`,
    Learner: `${ROLE_VOCABULARY.context}Learner`,
    Mentor: `${ROLE_VOCABULARY.context}Mentor`,
    Manager: `${ROLE_VOCABULARY.context}Manager`,
    Member: `${ROLE_VOCABULARY.context}Member`,
    Officer: `${ROLE_VOCABULARY.context}Officer`,
  },
  institution: {
    Administrator: `${ROLE_VOCABULARY.institution}Administrator`,
    Faculty: `${ROLE_VOCABULARY.institution}Faculty`,
    Instructor: `${ROLE_VOCABULARY.institution}Instructor`,
    Learner: `${ROLE_VOCABULARY.institution}Learner`,
    Staff: `${ROLE_VOCABULARY.institution}Staff`,
    Student: `${ROLE_VOCABULARY.institution}Student`,
  },
  system: {
    Administrator: `${ROLE_VOCABULARY.system}Administrator`,
    SysAdmin: `${ROLE_VOCABULARY.system}SysAdmin`,
    User: `${ROLE_VOCABULARY.system}User`,
  },
} as const;

/** Our own roles, as the memberships table spells them. */
export const TOOL_ROLES = ['teacher', 'school_admin'] as const;
export type ToolRole = (typeof TOOL_ROLES)[number];

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** HTTPS, or plain HTTP on this machine only (a local LMS or the test platform). */
export function isSecureUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password || url.hash) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}

export const SecureUrlSchema = z.string().refine(isSecureUrl, 'must be an https:// URL (http:// only on localhost)');

/** Keys are role URIs (or LTI short names); `null` removes a role that the defaults would map. */
export const RoleMappingSchema = z.record(z.string().min(1), z.enum(TOOL_ROLES).nullable());
export type RoleMapping = z.infer<typeof RoleMappingSchema>;

export const RegistrationSchema = z.object({
  issuer: SecureUrlSchema,
  clientId: z.string().min(1).max(255),
  authUrl: SecureUrlSchema,
  tokenUrl: SecureUrlSchema,
  jwksUrl: SecureUrlSchema,
  // Brightspace wants its own audience value in client assertions instead of the token URL.
  tokenAudience: z.string().min(1).optional(),
  deploymentIds: z.array(z.string().min(1).max(255)),
  roleMapping: RoleMappingSchema.optional(),
});
export type Registration = z.infer<typeof RegistrationSchema>;

/** Optional text: platforms send null for absent values as often as they omit them. */
export const OptionalTextSchema = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined)
  .optional();
const text = OptionalTextSchema;

export const ResourceLinkClaimSchema = z.object({ id: z.string().min(1), title: text, description: text });
export type ResourceLinkClaim = z.infer<typeof ResourceLinkClaimSchema>;

export const ContextClaimSchema = z.object({
  id: z.string().min(1),
  label: text,
  title: text,
  type: z.array(z.string()).optional(),
});
export type ContextClaim = z.infer<typeof ContextClaimSchema>;

export const ToolPlatformClaimSchema = z.object({
  guid: text,
  name: text,
  product_family_code: text,
  version: text,
  contact_email: text,
  url: text,
});
export type ToolPlatformClaim = z.infer<typeof ToolPlatformClaimSchema>;

export const LaunchPresentationClaimSchema = z.object({
  document_target: text,
  return_url: text,
  locale: text,
  width: z.number().optional(),
  height: z.number().optional(),
});
export type LaunchPresentationClaim = z.infer<typeof LaunchPresentationClaimSchema>;

// The spec says strings; some platforms send numbers or booleans from substitution variables.
export const CustomClaimSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v)),
);

export const AgsEndpointClaimSchema = z.object({
  scope: z.array(z.string()),
  lineitems: SecureUrlSchema.optional(),
  lineitem: SecureUrlSchema.optional(),
});
export type AgsEndpointClaim = z.infer<typeof AgsEndpointClaimSchema>;

export const NrpsClaimSchema = z.object({
  context_memberships_url: SecureUrlSchema,
  service_versions: z.array(z.string()).min(1),
});
export type NrpsClaim = z.infer<typeof NrpsClaimSchema>;

export const DeepLinkingSettingsClaimSchema = z.object({
  deep_link_return_url: SecureUrlSchema,
  accept_types: z.array(z.string()).min(1),
  accept_presentation_document_targets: z.array(z.string()).min(1),
  accept_media_types: text,
  accept_multiple: z.boolean().optional(),
  accept_lineitem: z.boolean().optional(),
  auto_create: z.boolean().optional(),
  title: text,
  text: text,
  data: text,
});
export type DeepLinkingSettingsClaim = z.infer<typeof DeepLinkingSettingsClaimSchema>;

export const IdentityClaimsSchema = z.object({
  name: text,
  given_name: text,
  family_name: text,
  email: text,
  locale: text,
});
export type IdentityClaims = z.infer<typeof IdentityClaimsSchema>;
