/** What an audit entry's details mean to a reader: people, modules, age groups and dates, never raw ids. */
export type AuditPart =
  | { kind: 'person'; userId: string }
  | { kind: 'module'; moduleId: string }
  | { kind: 'tiers'; tiers: string[] }
  | { kind: 'dueDate'; date: string }
  | { kind: 'email'; email: string }
  | { kind: 'role'; role: 'teacher' | 'school_admin' }
  | { kind: 'name'; text: string }
  | { kind: 'lms'; issuer: string };

/** Actions the log names in words; any other is shown as a generic change (its key stays in the markup, not the text). */
export const AUDIT_ACTIONS = [
  'profile.updated',
  'join_code.rotated',
  'member.tiers_changed',
  'member.deactivated',
  'member.reactivated',
  'invite.created',
  'invite.revoked',
  'invite.accepted',
  'member.joined_with_code',
  'assignment.set',
  'assignment.removed',
  'school.created',
  'region.created',
  'lti.platform_registered',
  'lti.platform_pending',
  'lti.platform_activated',
  'lti.platform_removed',
  'lti.score_resent',
] as const;

export const actionMessageKey = (action: string) => ((AUDIT_ACTIONS as readonly string[]).includes(action) ? action.replace('.', '_') : 'other');

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const DATE = /^\d{4}-\d{2}-\d{2}/;

// Technical ids (an LMS client id, a queued score's id) mean nothing to a reader and are left out.
export function auditParts(details: unknown): AuditPart[] {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return [];
  const d = details as Record<string, unknown>;
  const parts: AuditPart[] = [];
  if (str(d.userId)) parts.push({ kind: 'person', userId: d.userId });
  if (str(d.name)) parts.push({ kind: 'name', text: d.name });
  if (str(d.slug)) parts.push({ kind: 'name', text: d.slug });
  if (str(d.email)) parts.push({ kind: 'email', email: d.email });
  if (d.role === 'teacher' || d.role === 'school_admin') parts.push({ kind: 'role', role: d.role });
  if (str(d.moduleId)) parts.push({ kind: 'module', moduleId: d.moduleId });
  const tiers = [...(Array.isArray(d.tiers) ? d.tiers : []), d.tier].filter(str);
  if (tiers.length > 0) parts.push({ kind: 'tiers', tiers });
  if (str(d.dueDate) && DATE.test(d.dueDate)) parts.push({ kind: 'dueDate', date: d.dueDate.slice(0, 10) });
  if (str(d.issuer)) parts.push({ kind: 'lms', issuer: d.issuer });
  return parts;
}

/** The people an audit page names, so one query fetches them all. */
export function auditPeople(detailsList: unknown[]): string[] {
  const ids = new Set<string>();
  for (const details of detailsList) for (const p of auditParts(details)) if (p.kind === 'person') ids.add(p.userId);
  return [...ids];
}
