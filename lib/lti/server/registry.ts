import 'server-only';
import { recordRegistration, removeRegistration, type NewRegistration } from '@/db/queries/lti';
import type { Actor } from '@/db/queries/audit';
import { forgetFrameAncestors } from './frame-ancestors';

/** Registration changes also change which LMS origins may frame the tool. */
export async function registerPlatform(actor: Actor, registration: NewRegistration) {
  const result = await recordRegistration(actor, registration);
  forgetFrameAncestors();
  return result;
}

export async function unregisterPlatform(actor: Actor, id: string, schoolId: string | null) {
  const removed = await removeRegistration(actor, id, schoolId);
  forgetFrameAncestors();
  return removed;
}
