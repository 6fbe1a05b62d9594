import 'server-only';
import { transaction } from '@/db';
import { addMembershipTier, insertLtiUser, isEmailTaken, lockIdentityUser, renameUser } from '@/db/queries/lti-identities';
import type { SchoolRole } from '@/db/vocabulary';

export type LtiUser = { sub: string; name: string; email: string | null; locale: string | null };

/**
 * Finds or creates the user of (registration, sub) and their membership in the registration's
 * own school. Identities never match across registrations, so nothing a platform asserts can
 * reach a user of another school. A new membership gets the launch's role; an existing one
 * keeps the role the school set and gains the launched tier (launching a module of a tier
 * means teaching that tier).
 */
export async function upsertLtiUser(registration: { id: string; schoolId: string }, u: LtiUser, role: SchoolRole, tier: string | null) {
  return transaction(async (tx) => {
    let userId = await lockIdentityUser(tx, registration.id, u.sub);
    if (!userId) {
      // An email another account already uses is not taken over: that user keeps it.
      const email = u.email && !(await isEmailTaken(tx, u.email)) ? u.email : null;
      userId = await insertLtiUser(tx, registration.id, u.sub, { name: u.name, email, locale: u.locale });
    } else {
      await renameUser(tx, userId, u.name);
    }
    await addMembershipTier(tx, userId, registration.schoolId, role, tier);
    return userId;
  });
}
