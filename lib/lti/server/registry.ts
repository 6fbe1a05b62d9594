import 'server-only';
import { activateRegistration, recordRegistration, removeRegistration, type NewRegistration, type RegistrationScope } from '@/db/queries/lti';
import type { Actor } from '@/db/queries/audit';
import { forgetFrameAncestors } from './frame-ancestors';

/** Registration changes also change which LMS origins may frame the tool. */
export async function registerPlatform(actor: Actor, registration: NewRegistration, bindLinkHash?: string) {
  const result = await recordRegistration(actor, registration, bindLinkHash);
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
