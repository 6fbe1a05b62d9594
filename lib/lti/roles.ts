import { ROLE, ROLE_VOCABULARY, type RoleMapping, type ToolRole } from './types';

/**
 * Teacher training runs as a staff course: the teachers taking it are enrolled as Learners and
 * the course's Instructors run it, so both are trainees here; administrators of the course,
 * the institution or the LMS manage the school.
 */
export const DEFAULT_ROLE_MAPPING: RoleMapping = {
  [ROLE.context.Learner]: 'teacher',
  [ROLE.context.Instructor]: 'teacher',
  [ROLE.context.Administrator]: 'school_admin',
  [ROLE.institution.Administrator]: 'school_admin',
  [ROLE.system.Administrator]: 'school_admin',
};

const RANK: Record<ToolRole, number> = { teacher: 1, school_admin: 2 };

const CONTEXT_SUB_ROLE = /^http:\/\/purl\.imsglobal\.org\/vocab\/lis\/v2\/membership\/([A-Za-z]+)#[A-Za-z]+$/;
// LTI 1.1 URNs still arrive from platforms that migrated their role data.
const LEGACY = /^urn:lti:(role|instrole|sysrole):ims\/lis\/([A-Za-z]+)(?:\/[A-Za-z]+)?$/;
const LEGACY_VOCABULARY = {
  role: ROLE_VOCABULARY.context,
  instrole: ROLE_VOCABULARY.institution,
  sysrole: ROLE_VOCABULARY.system,
} as const;

/**
 * The full LIS v2 URI of a role. LTI 1.3 allows bare context role names ("Instructor");
 * a sub-role (`membership/Instructor#TeachingAssistant`) is kept as is.
 */
export function normalizeRole(role: string): string {
  const trimmed = role.trim();
  const legacy = LEGACY.exec(trimmed);
  if (legacy) return `${LEGACY_VOCABULARY[legacy[1] as keyof typeof LEGACY_VOCABULARY]}${legacy[2]}`;
  if (/^[A-Za-z]+$/.test(trimmed)) return `${ROLE_VOCABULARY.context}${trimmed}`;
  return trimmed;
}

/** The principal role a context sub-role belongs to, e.g. TeachingAssistant → Instructor. */
function principalOf(role: string): string | undefined {
  const sub = CONTEXT_SUB_ROLE.exec(role);
  return sub ? `${ROLE_VOCABULARY.context}${sub[1]}` : undefined;
}

/**
 * Our role for a launch's LTI roles: the registration's mapping over the defaults (a `null`
 * entry removes a default), and the highest role any of them maps to. Null when no role is
 * usable: the launch then shows a clear page instead of signing anyone in.
 */
export function mapRoles(roles: readonly string[], mapping: RoleMapping | undefined = undefined): ToolRole | null {
  const table = new Map<string, ToolRole | null>();
  for (const [role, ours] of Object.entries(DEFAULT_ROLE_MAPPING)) table.set(role, ours);
  for (const [role, ours] of Object.entries(mapping ?? {})) table.set(normalizeRole(role), ours);

  let best: ToolRole | null = null;
  for (const raw of roles) {
    const role = normalizeRole(raw);
    const principal = principalOf(role);
    const ours = table.has(role) ? table.get(role) : principal === undefined ? undefined : table.get(principal);
    if (ours && (best === null || RANK[ours] > RANK[best])) best = ours;
  }
  return best;
}
