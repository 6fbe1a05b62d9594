import { timingSafeEqual } from 'node:crypto';
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LtiLaunchError } from './errors';
import { readLaunchClaims, type LtiLaunch } from './launch-claims';
import type { PlatformKeyResolver } from './platform-keys';
import { systemClock, type Clock, type LoginStateStore, type NonceStore, type RegistrationLookup } from './stores';
import type { ToolUrls } from './tool';

export type { DeepLinkingLaunch, LtiLaunch, ResourceLinkLaunch } from './launch-claims';

export type LaunchInput = {
  /** The `id_token` form field of the launch POST. */
  idToken: string | null | undefined;
  /** The `state` form field of the launch POST. */
  state: string | null | undefined;
  /**
   * The state as this browser proves it: the value of the state cookie set at login
   * (`stateCookieName(state)`), or, when the cookie was blocked, the value our launch page read
   * back from LTI platform storage (`lti.get_data`). Accept the latter only from a same-origin
   * request made by that page (check `Sec-Fetch-Site: same-origin` or the Origin header):
   * posted cross-site, it is whatever an attacker chose, and login CSRF is back.
   */
  browserState: string | null | undefined;
};

export type LaunchDeps = {
  tool: ToolUrls;
  registrations: RegistrationLookup;
  loginStates: LoginStateStore;
  nonces: NonceStore;
  platformKeys: PlatformKeyResolver;
  clock?: Clock;
  clockToleranceSeconds?: number;
  /** Reject tokens whose `iat` is older than this, whatever their `exp` says. */
  maxTokenAgeSeconds?: number;
};

const DEFAULT_CLOCK_TOLERANCE_SECONDS = 10;
const DEFAULT_MAX_TOKEN_AGE_SECONDS = 300;

function sameSecret(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

class KeySetUnavailable extends Error {}

/** Separates "the platform's key set could not be read" from "no key in it matches". */
function guardKeySet(getKey: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await getKey(header, token);
    } catch (cause) {
      if (cause instanceof errors.JWKSNoMatchingKey || cause instanceof errors.JWKSMultipleMatchingKeys) throw cause;
      throw new KeySetUnavailable(cause instanceof Error ? cause.message : String(cause), { cause });
    }
  };
}

function launchErrorFrom(cause: unknown): LtiLaunchError {
  const wrap = (code: ConstructorParameters<typeof LtiLaunchError>[0], detail?: string) => new LtiLaunchError(code, detail, { cause });
  if (cause instanceof KeySetUnavailable) return wrap('jwks_unavailable', cause.message);
  if (cause instanceof errors.JWKSNoMatchingKey) return wrap('unknown_kid');
  if (cause instanceof errors.JWKSMultipleMatchingKeys) return wrap('bad_signature', 'several keys match the kid');
  if (cause instanceof errors.JWSSignatureVerificationFailed) return wrap('bad_signature');
  if (cause instanceof errors.JOSEAlgNotAllowed) return wrap('wrong_alg');
  if (cause instanceof errors.JWTExpired) return cause.claim === 'iat' ? wrap('issued_too_long_ago') : wrap('expired');
  if (cause instanceof errors.JWTClaimValidationFailed) {
    if (cause.claim === 'iss') return wrap('wrong_iss');
    if (cause.claim === 'aud') return wrap('wrong_aud');
    if (cause.claim === 'iat' && cause.reason === 'check_failed') return wrap('issued_in_future');
    if (cause.claim === 'nbf') return wrap('not_yet_valid');
    return wrap('invalid_claim', `${cause.claim}: ${cause.reason}`);
  }
  if (cause instanceof errors.JOSEError) return wrap('malformed_token', cause.code);
  return wrap('malformed_token');
}

/**
 * Validates an LTI 1.3 launch (the platform's form POST to the redirect URI) against every
 * check of DESIGN.md and lti-notes §1.2. Throws LtiLaunchError with a machine code on the first
 * failure. The login state and the nonce are consumed, so the same launch never passes twice.
 */
export async function validateLaunch(input: LaunchInput, deps: LaunchDeps): Promise<LtiLaunch> {
  const clock = deps.clock ?? systemClock;
  const tolerance = deps.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  const maxAge = deps.maxTokenAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_SECONDS;

  if (!input.state) throw new LtiLaunchError('state_missing', 'no state field in the launch');
  if (!input.idToken) throw new LtiLaunchError('missing_id_token');
  if (!input.browserState) throw new LtiLaunchError('state_missing');
  if (!sameSecret(input.state, input.browserState)) throw new LtiLaunchError('state_mismatch');

  const login = await deps.loginStates.take(input.state);
  if (!login) throw new LtiLaunchError('state_unknown');
  const now = clock.now();
  if (login.expiresAt <= now) throw new LtiLaunchError('state_expired');

  const registration = await deps.registrations.findRegistration(login.issuer, login.clientId);
  if (!registration) throw new LtiLaunchError('unknown_registration', login.issuer);

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(input.idToken, guardKeySet(deps.platformKeys(registration.jwksUrl)), {
      algorithms: ['RS256'],
      issuer: registration.issuer,
      audience: registration.clientId,
      requiredClaims: ['exp', 'iat'],
      clockTolerance: tolerance,
      maxTokenAge: maxAge,
      currentDate: now,
    }));
  } catch (cause) {
    throw launchErrorFrom(cause);
  }

  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (audiences.length > 1 && payload.azp === undefined) throw new LtiLaunchError('missing_azp');
  if (payload.azp !== undefined && payload.azp !== registration.clientId) throw new LtiLaunchError('wrong_azp');

  const nonce = payload.nonce;
  if (typeof nonce !== 'string' || nonce === '') throw new LtiLaunchError('missing_nonce');
  // The token is dead once either its exp or our max age passes; the nonce need not outlive it.
  const deadEpoch = Math.min(payload.exp!, payload.iat! + maxAge) + tolerance;
  if (!(await deps.nonces.markUsed(nonce, new Date(deadEpoch * 1000)))) throw new LtiLaunchError('nonce_replayed');
  if (!sameSecret(nonce, login.nonce)) throw new LtiLaunchError('nonce_mismatch');

  return readLaunchClaims(payload, { tool: deps.tool, registration, login });
}
