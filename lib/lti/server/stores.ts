import 'server-only';
import { recordLoginState, recordNonce, takeLoginState } from '@/db/queries/lti-login';
import type { StoredRegistration } from '@/db/queries/lti-registrations';
import type { LoginState, LoginStateStore, NonceStore } from '@/lib/lti/stores';
import type { Registration } from '@/lib/lti/types';

/** The LTI core's view of a stored registration. */
export function toRegistration(r: StoredRegistration): Registration {
  return {
    issuer: r.issuer,
    clientId: r.clientId,
    authUrl: r.authUrl,
    tokenUrl: r.tokenUrl,
    jwksUrl: r.jwksUrl,
    deploymentIds: r.deploymentIds,
    ...(r.roleMapping ? { roleMapping: r.roleMapping } : {}),
  };
}

/** The core's login-state store, on the database (shared by every server process). */
export const loginStateStore: LoginStateStore = {
  save: (login: LoginState) => recordLoginState(login),
  take: (state) => takeLoginState(state),
};

export const nonceStore: NonceStore = { markUsed: recordNonce };
