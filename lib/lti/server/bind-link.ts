import 'server-only';
import { getBindLinkSchool, recordBindLink } from '@/db/queries/lti-bind-links';
import { hashToken } from '@/lib/admin/tokens';
import { randomBytes } from 'node:crypto';

/** How long a registration link works; it also works only once. */
export const BIND_LINK_HOURS = 6;

/**
 * The school-specific part of the registration address a school admin gives the LMS admin: a
 * random token stored hashed, single-use and short-lived, so a leaked address cannot bind
 * another platform to the school later.
 */
export async function createBindLink(schoolId: string, createdBy: string | null) {
  const token = randomBytes(24).toString('base64url');
  await recordBindLink(hashToken(token), schoolId, createdBy, BIND_LINK_HOURS);
  return token;
}

/** The school an unused, unexpired link names (consumed when the registration is saved). */
export async function schoolOfBindLink(token: string) {
  return /^[A-Za-z0-9_-]{20,64}$/.test(token) ? getBindLinkSchool(hashToken(token)) : null;
}

export const bindLinkHash = hashToken;
