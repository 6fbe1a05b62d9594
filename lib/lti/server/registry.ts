import 'server-only';
import { transaction } from '@/db';
import type { Actor } from '@/db/queries/audit';
import { recordAudit } from '@/db/queries/audit';
import { consumeBindLink } from '@/db/queries/lti-bind-links';
import {
  activateRegistration,
  addDeployments,
  insertRegistration,
  lockRegistration,
  removeRegistration,
  updateRegistration,
  type NewRegistration,
  type RegistrationScope,
} from '@/db/queries/lti-registrations';
import { forgetFrameAncestors } from './frame-ancestors';

export type RegistrationSaved = { ok: true; id: string } | { ok: false; reason: 'other_school' | 'exists' | 'link_used' };

/**
 * Adds a platform, or updates one already registered for the same school. A registration with
 * a school is active at once (its admin made it, by hand or through their single-use link,
 * consumed in the same transaction); one without (an anonymous dynamic registration) waits
 * unbound and inactive, and can never change a registration that exists.
 */
export async function registerPlatform(actor: Actor, r: NewRegistration, bindLinkHash?: string): Promise<RegistrationSaved> {
  const result = await transaction(async (tx): Promise<RegistrationSaved> => {
    if (bindLinkHash && !(r.schoolId && (await consumeBindLink(tx, bindLinkHash, r.schoolId)))) return { ok: false, reason: 'link_used' };
    const existing = await lockRegistration(tx, r.issuer, r.clientId);
    if (existing && !r.schoolId) return { ok: false, reason: 'exists' };
    if (existing?.schoolId && existing.schoolId !== r.schoolId) return { ok: false, reason: 'other_school' };
    const urls = { authUrl: r.authUrl, tokenUrl: r.tokenUrl, jwksUrl: r.jwksUrl };
    const id = existing ? existing.id : await insertRegistration(tx, { issuer: r.issuer, clientId: r.clientId, schoolId: r.schoolId, ...urls });
    if (existing && r.schoolId) await updateRegistration(tx, id, { ...urls, schoolId: r.schoolId });
    await addDeployments(tx, id, r.deploymentIds);
    await recordAudit(tx, { ...actor, schoolId: r.schoolId ?? actor.schoolId }, r.schoolId ? 'lti.platform_registered' : 'lti.platform_pending', {
      issuer: r.issuer,
      clientId: r.clientId,
      deployments: r.deploymentIds,
    });
    return { ok: true, id };
  });
  // Registration changes also change which LMS origins may frame the tool.
  forgetFrameAncestors();
  return result;
}

export async function unregisterPlatform(actor: Actor, id: string, scope: RegistrationScope) {
  const removed = await removeRegistration(actor, id, scope);
  forgetFrameAncestors();
  return removed;
}

export async function activatePlatform(actor: Actor, id: string, schoolId: string) {
  const done = await activateRegistration(actor, id, schoolId);
  forgetFrameAncestors();
  return done;
}
