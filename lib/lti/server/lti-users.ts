import 'server-only';
import { transaction } from '@/db';
import { addMembershipTier, insertLtiUser, isEmailTaken, lockIdentityUser, renameUser } from '@/db/queries/lti-identities';
import type { SchoolRole } from '@/db/vocabulary';
import { cleanName } from '@/lib/forms/text';

const NAME_MAX = 120;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,}$/;

/**
 * What a platform asserts about a person, made safe to store: names without control or bidi
 * characters and of sane length, an e-mail only when it looks like one. Null when the subject
 * itself cannot be stored (a NUL or other control character).
 */
export function ltiPerson(claims: {
  sub: string;
  name?: string | null;
  given?: string | null;
  family?: string | null;
  email?: string | null;
  locale: string | null;
}): LtiUser | null {
  if (!claims.sub || claims.sub.length > 255 || /[\u0000-\u001F\u007F]/.test(claims.sub)) return null;
  const name =
    cleanName(claims.name, NAME_MAX) ??
    cleanName([claims.given, claims.family].filter(Boolean).join(' '), NAME_MAX) ??
    `LMS user ${cleanName(claims.sub, 8) ?? ''}`.trim();
  const email = typeof claims.email === 'string' && claims.email.length <= 254 && EMAIL.test(claims.email) ? claims.email : null;
  return { sub: claims.sub, name, email, locale: claims.locale };
}

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
