import type { JSONWebKeySet } from 'jose';

/** A tool registered with the platform, by hand or through dynamic registration. */
export type ToolClient = {
  clientId: string;
  deploymentIds: string[];
  redirectUris: string[];
  /** Where the platform reads the tool's public keys (client assertions, deep-linking responses). */
  jwksUrl?: string;
  /** Or the keys pasted in, as Canvas and Moodle also allow. */
  jwks?: JSONWebKeySet;
  initiateLoginUri?: string;
  targetLinkUri?: string;
};

export type PlatformUser = {
  sub: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  email?: string;
  locale?: string;
};

/**
 * Ways to make the id_token wrong, one per check the tool must make. Each applies to the token
 * only; the login initiation stays honest, as it would in a real attack.
 */
export type Forgery = {
  /** `foreign-key`: the current kid but another key; `unknown-kid`: a key not in the JWKS; `none`: unsigned. */
  signWith?: 'foreign-key' | 'unknown-kid' | 'none';
  iss?: string;
  aud?: string | string[];
  /** `null` leaves azp out. */
  azp?: string | null;
  /** Moves iat (and exp with it) by this many seconds: negative is stale, positive is in the future. */
  iatOffsetSeconds?: number;
  /** exp relative to iat; zero or negative makes an expired token. */
  expiresInSeconds?: number;
  nonce?: string;
  /** Reuse the nonce of the previous token this platform issued. */
  replayNonce?: boolean;
  version?: string;
  messageType?: string;
  targetLinkUri?: string;
  /** `null` leaves the deployment out. */
  deploymentId?: string | null;
  /** `null` makes the launch anonymous. */
  sub?: string | null;
  /** Claims to drop: full URIs, or the short names of vocabulary.ts (`roles`, `resource_link`, …). */
  omitClaims?: string[];
  /** Claims to set last, overriding everything else. */
  claims?: Record<string, unknown>;
};

export type LaunchSpec = {
  clientId: string;
  deploymentId: string;
  targetLinkUri: string;
  messageType: string;
  user: PlatformUser;
  roles: string[];
  context: { id: string; label?: string; title?: string };
  resourceLink: { id: string; title?: string };
  /** Sent in launch_presentation.locale. */
  locale?: string;
  custom?: Record<string, string>;
  /** The line item the AGS claim names (one of the platform's line items). */
  lineItemId: string;
  /** Opaque deep-linking `data` the tool must echo. */
  deepLinkingData?: string;
  acceptMultiple?: boolean;
  /** Sends lti_storage_target with the login initiation. */
  storageTarget?: string;
  forge?: Forgery;
};

export type Member = {
  user_id: string;
  roles: string[];
  status?: 'Active' | 'Inactive' | 'Deleted';
  name?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
};

export type ScoreMode = 'accept' | 'unavailable' | 'refuse' | 'rate_limit';

export type RecordedScore = { contextId: string; lineItemId: string; score: Record<string, unknown>; receivedAt: Date };

export type DeepLinkReturn =
  | { ok: true; clientId: string; deploymentId: string; contentItems: Record<string, unknown>[]; data: unknown; message?: unknown }
  | { ok: false; error: string };

export type RecordedRegistration = { clientId: string; deploymentId: string; request: Record<string, unknown> };
