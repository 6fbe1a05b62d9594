import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { ToolClient } from './types';

/** The tool clients known to the platform, and verification of the JWTs they sign. */
export class ClientRegistry {
  private readonly clients = new Map<string, ToolClient>();
  private readonly keySets = new Map<string, JWTVerifyGetKey>();

  add(client: ToolClient) {
    this.clients.set(client.clientId, { ...client });
    this.keySets.delete(client.clientId);
  }

  get(clientId: string): ToolClient | undefined {
    return this.clients.get(clientId);
  }

  private keysOf(client: ToolClient): JWTVerifyGetKey {
    let keys = this.keySets.get(client.clientId);
    if (!keys) {
      if (client.jwks) keys = createLocalJWKSet(client.jwks);
      else if (client.jwksUrl) keys = createRemoteJWKSet(new URL(client.jwksUrl), { cooldownDuration: 0 });
      else throw new Error(`client ${client.clientId} has no keys`);
      this.keySets.set(client.clientId, keys);
    }
    return keys;
  }

  /**
   * Verifies a JWT the tool signed (iss = its client_id), as a platform does for client
   * assertions and deep-linking responses. Throws with the reason.
   */
  async verifyToolJwt(jwt: string, audience: string, extra: { subject?: boolean; maxAgeSeconds?: number } = {}) {
    const unverified = decodeJwt(jwt);
    const clientId = typeof unverified.iss === 'string' ? unverified.iss : '';
    const client = this.clients.get(clientId);
    if (!client) throw new Error(`unknown client ${JSON.stringify(unverified.iss)}`);
    const { payload } = await jwtVerify(jwt, this.keysOf(client), {
      algorithms: ['RS256'],
      issuer: client.clientId,
      audience,
      requiredClaims: ['exp', 'iat'],
      maxTokenAge: extra.maxAgeSeconds ?? 300,
      clockTolerance: 5,
      ...(extra.subject ? { subject: client.clientId } : {}),
    });
    return { client, payload: payload as JWTPayload & Record<string, unknown> };
  }
}
