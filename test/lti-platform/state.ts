import type { ClientRegistry } from './clients';
import type { PlatformUrls } from './id-token';
import type { KeyRing } from './key-ring';
import type { DeepLinkReturn, LaunchSpec, Member, RecordedRegistration, RecordedScore, ScoreMode } from './types';

export type AllPlatformUrls = PlatformUrls & {
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  openidConfigurationUrl: string;
  registrationEndpoint: string;
};

export type AccessToken = { clientId: string; scopes: Set<string>; expiresAt: number };

/** Everything the running platform knows and records; the handlers share it. */
export type PlatformState = {
  urls: AllPlatformUrls;
  keys: KeyRing;
  clients: ClientRegistry;
  defaults: Omit<LaunchSpec, 'forge'>;
  /** Launches started by loginInitiation, by lti_message_hint. */
  launches: Map<string, LaunchSpec>;
  accessTokens: Map<string, AccessToken>;
  usedAssertionIds: Set<string>;
  registrationTokens: Set<string>;
  lastNonce: string | undefined;
  members: Member[];
  pageSize: number;
  lineItemIds: Set<string>;
  idTokenTtlSeconds: number;
  accessTokenTtlSeconds: number;
  configurationIssuer: string | undefined;
  scoreMode: ScoreMode;
  tokenEndpointUp: boolean;
  /** False: NRPS answers 503, as an LMS under maintenance does. */
  membershipsUp: boolean;
  membershipRequests: number;
  scores: RecordedScore[];
  scoreRequests: number;
  tokenRequests: { clientId: string; scopes: string[] }[];
  deepLinkReturns: DeepLinkReturn[];
  registrations: RecordedRegistration[];
};
