/**
 * Every LTI failure carries a stable machine code (for logs, metrics and tests) and a message a
 * person can act on. Messages never contain the token itself.
 */
export class LtiError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export const LOGIN_ERROR_CODES = ['missing_param', 'invalid_param', 'unknown_registration', 'ambiguous_registration', 'foreign_target_link_uri'] as const;
export type LoginErrorCode = (typeof LOGIN_ERROR_CODES)[number];

/** A login initiation we refuse; answer 400. */
export class LtiLoginError extends LtiError<LoginErrorCode> {}

export const LAUNCH_ERROR_MESSAGES = {
  missing_id_token: 'The launch carried no id_token.',
  state_missing: 'The launch state is missing: the browser did not keep the login cookie (third-party cookies blocked?). Open the tool in a new window.',
  state_mismatch: 'The launch state does not match the one this browser started the login with.',
  state_unknown: 'The login this launch belongs to is unknown or was already used. Start the launch again from the LMS.',
  state_expired: 'The login this launch belongs to has expired. Start the launch again from the LMS.',
  unknown_registration: 'The platform that started this login is no longer registered.',
  malformed_token: 'The id_token is not a well-formed signed JWT.',
  wrong_alg: 'The id_token is not signed with RS256.',
  unknown_kid: "The id_token is signed with a key that is not in the platform's key set.",
  bad_signature: "The id_token's signature does not verify with the platform's key.",
  jwks_unavailable: "The platform's key set could not be fetched or read.",
  wrong_iss: 'The id_token was issued by another platform than the one the login started with.',
  wrong_aud: 'The id_token is not addressed to this tool.',
  missing_azp: 'The id_token has several audiences but no authorized party (azp).',
  wrong_azp: 'The id_token names another authorized party (azp) than this tool.',
  expired: 'The id_token has expired.',
  issued_in_future: 'The id_token is dated in the future (check the clocks).',
  issued_too_long_ago: 'The id_token was issued too long ago.',
  not_yet_valid: 'The id_token is not valid yet (nbf).',
  missing_nonce: 'The id_token carries no nonce.',
  nonce_replayed: 'The id_token nonce was already used: this launch is a replay.',
  nonce_mismatch: 'The id_token nonce is not the one issued for this login.',
  wrong_version: 'The launch is not LTI version 1.3.0.',
  unknown_message_type: 'The launch message type is not one this tool handles.',
  missing_deployment: 'The launch names no deployment.',
  unknown_deployment: 'The launch comes from a deployment that is not registered with this tool.',
  missing_target_link_uri: 'The launch names no target link URI.',
  foreign_target_link_uri: 'The launch target link URI does not belong to this tool.',
  target_link_uri_mismatch: 'The launch target link URI differs from the one the login started with.',
  missing_sub: 'The launch is anonymous (no sub); this tool needs to know who is taking the training.',
  missing_roles: 'The launch carries no roles claim.',
  missing_resource_link: 'The resource link launch carries no resource_link id.',
  missing_deep_linking_settings: 'The deep linking launch carries no valid deep_linking_settings.',
  invalid_claim: 'The launch carries a malformed claim.',
} as const;
export type LaunchErrorCode = keyof typeof LAUNCH_ERROR_MESSAGES;

/** A launch we refuse; answer 401 with the message and the code, never the token. */
export class LtiLaunchError extends LtiError<LaunchErrorCode> {
  constructor(code: LaunchErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(code, detail ? `${LAUNCH_ERROR_MESSAGES[code]} (${detail})` : LAUNCH_ERROR_MESSAGES[code], options);
  }
}

/**
 * A failed call to a platform service (token, AGS, NRPS). `retryable` tells the passback outbox
 * whether to try again later (network, 5xx, 429) or to record the refusal for an admin (4xx, or
 * `refused`: the guarded fetcher would not call that address at all).
 */
export class LtiServiceError extends LtiError<'network' | 'http' | 'invalid_response' | 'invalid_request' | 'refused'> {
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly responseBody: string | undefined;

  constructor(
    code: 'network' | 'http' | 'invalid_response' | 'invalid_request' | 'refused',
    message: string,
    details: { retryable: boolean; status?: number; retryAfterSeconds?: number; responseBody?: string; cause?: unknown },
  ) {
    super(code, message, { cause: details.cause });
    this.retryable = details.retryable;
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.responseBody = details.responseBody;
  }
}

export class DeepLinkingError extends LtiError<'type_not_accepted' | 'single_item_only'> {}

export class DynamicRegistrationError extends LtiError<
  'bad_configuration_url' | 'configuration_unavailable' | 'invalid_configuration' | 'issuer_mismatch' | 'registration_refused' | 'invalid_registration_response'
> {}
