import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { findActiveRegistration, type StoredRegistration } from '@/db/queries/lti-registrations';
import { recordTicket } from '@/db/queries/lti-tickets';
import { recordGradeTarget } from './grade-targets';
import { ltiPerson, upsertLtiUser } from './lti-users';
import { getCatalog } from '@/lib/content/catalog';
import type { ResourceLinkLaunch } from '@/lib/lti/launch';
import { mapRoles } from '@/lib/lti/roles';
import { SCOPE } from '@/lib/lti/types';
import { newLaunchBinding } from './launch-binding';
import { queueRosterSync } from './roster';
import { isLocale, type Locale } from '@/lib/i18n/locales';

export class LaunchRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const hashTicket = (ticket: string) => createHash('sha256').update(ticket).digest('hex');

/** The module a launch opens: the `module` custom parameter, else a /learn/<id> target link. */
export function moduleOfLaunch(launch: ResourceLinkLaunch) {
  const fromCustom = launch.custom.module;
  const fromPath = /\/learn\/([a-z0-9-]+)/.exec(new URL(launch.targetLinkUri).pathname)?.[1];
  const id = fromCustom ?? fromPath;
  return getCatalog().find((m) => m.id === id);
}

export function launchLocale(launch: ResourceLinkLaunch): Locale | null {
  const tag = launch.locale?.slice(0, 2).toLowerCase();
  return isLocale(tag) ? tag : null;
}

/**
 * A verified resource-link launch becomes a user (keyed by registration + sub) in the school the
 * registration is bound to, a gradebook target for the module, and a one-time ticket, bound to
 * the launching browser, that it trades for a session on our own origin in that school.
 */
export async function acceptResourceLaunch(launch: ResourceLinkLaunch, checked?: StoredRegistration) {
  // The registration the launch was just validated against (read once per launch), else read now.
  const same = checked && checked.issuer === launch.issuer && checked.clientId === launch.clientId;
  const stored = same ? checked : await findActiveRegistration(launch.issuer, launch.clientId);
  if (!stored?.schoolId)
    throw new LaunchRefused(
      403,
      'registration_not_active',
      'This LMS is registered but not yet connected to a school. A school admin connects it on the LMS page of KKO Teach.',
    );
  const schoolId = stored.schoolId;
  const role = mapRoles(launch.roles, stored.roleMapping ?? undefined);
  if (!role)
    throw new LaunchRefused(
      403,
      'no_usable_role',
      'Your LMS role does not give access to this training. Teachers join as Learners or Instructors of the staff course; ask your LMS administrator.',
    );
  const mod = moduleOfLaunch(launch);
  const locale = launchLocale(launch);
  const person = ltiPerson({
    sub: launch.userId,
    name: launch.identity.name,
    given: launch.identity.given_name,
    family: launch.identity.family_name,
    email: launch.identity.email,
    locale,
  });
  if (!person) throw new LaunchRefused(400, 'invalid_user', 'The LMS sent a user id that cannot be used. Ask your LMS administrator.');
  const userId = await upsertLtiUser({ id: stored.id, schoolId }, person, role, mod && role === 'teacher' ? mod.tier : null);
  const lineitem = launch.ags?.lineitem;
  if (mod && lineitem && launch.ags?.scope.includes(SCOPE.score)) {
    await recordGradeTarget({ userId, moduleId: mod.id, registrationId: stored.id, lineitemUrl: lineitem, ltiSub: launch.userId });
  }
  if (launch.nrps && launch.context) {
    // A job: the teacher's page must not wait for the whole course roster.
    await queueRosterSync({
      registrationId: stored.id,
      membershipsUrl: launch.nrps.context_memberships_url,
      contextId: launch.context.id,
      tier: mod?.tier ?? null,
    });
  }
  const ticket = randomBytes(24).toString('base64url');
  const binding = newLaunchBinding();
  const redirectTo = role === 'school_admin' ? '/admin' : mod ? `/learn/${mod.id}` : '/learn';
  await recordTicket({ ticketHash: hashTicket(ticket), bindingHash: hashTicket(binding), userId, schoolId, redirectTo });
  return { ticket, binding, locale };
}
