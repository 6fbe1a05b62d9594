import type { Registration } from './types';

/** Injected so that expiry checks can be tested without waiting. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** What the login initiation remembers for the launch that should follow it. */
export type LoginState = {
  state: string;
  nonce: string;
  issuer: string;
  clientId: string;
  targetLinkUri: string;
  expiresAt: Date;
};

/** Backed by `lti_login_state` (state primary key). */
export interface LoginStateStore {
  save(login: LoginState): Promise<void>;
  /**
   * Returns the login and deletes it in the same step (`delete … returning`), so a state can
   * be used once even under concurrent launches. Returns expired rows too: the caller checks.
   */
  take(state: string): Promise<LoginState | null>;
}

/** Backed by `lti_nonce_used` (nonce primary key, expires_at). */
export interface NonceStore {
  /**
   * Records the nonce as used until `expiresAt`. Resolves false when it was already recorded
   * and has not expired: `insert … on conflict do nothing` is the atomic form. Rows past
   * `expiresAt` may be purged.
   */
  markUsed(nonce: string, expiresAt: Date): Promise<boolean>;
}

export interface RegistrationLookup {
  findRegistration(issuer: string, clientId: string): Promise<Registration | null>;
  listRegistrations(issuer: string): Promise<Registration[]>;
}

/** `expiresAt` is when to stop using the token: already a little before the platform's expiry. */
export type CachedAccessToken = { accessToken: string; expiresAt: Date };

/** Optional: by default access tokens are cached in process memory. */
export interface AccessTokenCache {
  get(key: string): Promise<CachedAccessToken | null>;
  set(key: string, token: CachedAccessToken): Promise<void>;
  delete(key: string): Promise<void>;
}
