import type { Registration } from './types';
import type { AccessTokenCache, CachedAccessToken, Clock, LoginState, LoginStateStore, NonceStore, RegistrationLookup } from './stores';
import { systemClock } from './stores';

// In-process implementations: right for tests and a single server process, lost on restart.

/** Drops entries from the oldest insertion on while they have expired (TTLs are nearly uniform). */
function pruneExpired<V>(entries: Map<string, V>, expiry: (v: V) => Date, now: Date) {
  for (const [key, value] of entries) {
    if (expiry(value) > now) break;
    entries.delete(key);
  }
}

export class MemoryLoginStateStore implements LoginStateStore {
  private readonly logins = new Map<string, LoginState>();

  constructor(private readonly clock: Clock = systemClock) {}

  async save(login: LoginState) {
    pruneExpired(this.logins, (l) => l.expiresAt, this.clock.now());
    this.logins.set(login.state, { ...login });
  }

  async take(state: string) {
    const login = this.logins.get(state) ?? null;
    this.logins.delete(state);
    return login;
  }
}

export class MemoryNonceStore implements NonceStore {
  private readonly used = new Map<string, Date>();

  constructor(private readonly clock: Clock = systemClock) {}

  async markUsed(nonce: string, expiresAt: Date) {
    const now = this.clock.now();
    const until = this.used.get(nonce);
    if (until && until > now) return false;
    this.used.delete(nonce);
    pruneExpired(this.used, (u) => u, now);
    this.used.set(nonce, expiresAt);
    return true;
  }
}

export class MemoryAccessTokenCache implements AccessTokenCache {
  private readonly tokens = new Map<string, CachedAccessToken>();

  async get(key: string) {
    return this.tokens.get(key) ?? null;
  }

  async set(key: string, token: CachedAccessToken) {
    this.tokens.set(key, token);
  }

  async delete(key: string) {
    this.tokens.delete(key);
  }
}

export function memoryRegistrations(registrations: readonly Registration[]): RegistrationLookup {
  return {
    async findRegistration(issuer, clientId) {
      return registrations.find((r) => r.issuer === issuer && r.clientId === clientId) ?? null;
    },
    async listRegistrations(issuer) {
      return registrations.filter((r) => r.issuer === issuer);
    },
  };
}
