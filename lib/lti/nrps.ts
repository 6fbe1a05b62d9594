import { z } from 'zod';
import { LtiServiceError } from './errors';
import { parseLinkHeader } from './link-header';
import { readServiceJson, sendAuthorized, type ServiceContext } from './service-http';
import { OptionalTextSchema, SCOPE, type Registration } from './types';

export const MEMBERSHIP_MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';

const text = OptionalTextSchema;

const MemberSchema = z.object({
  user_id: z.string().min(1),
  roles: z.array(z.string()),
  // The spec makes Active the meaning of an absent status.
  status: z.string().optional().default('Active'),
  name: text,
  given_name: text,
  family_name: text,
  email: text,
  lis_person_sourcedid: text,
});

const MembershipPageSchema = z.object({
  id: text,
  context: z.object({ id: z.string(), label: text, title: text }).optional(),
  members: z.array(MemberSchema),
});

export type Member = {
  userId: string;
  roles: string[];
  status: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  email?: string;
  sourcedId?: string;
};

export type Roster = { context?: { id: string; label?: string; title?: string }; members: Member[] };

export type MembershipQuery = {
  registration: Registration;
  /** From the launch's namesroleservice claim. */
  contextMembershipsUrl: string;
  /** Only members with this role (a full role URI); large courses answer much faster. */
  role?: string;
  /** Page size to ask for; the platform may ignore it. */
  limit?: number;
  /** Guard against a platform whose `next` links never end. */
  maxPages?: number;
};

function toMember(m: z.infer<typeof MemberSchema>): Member {
  return {
    userId: m.user_id,
    roles: m.roles,
    status: m.status,
    ...(m.name ? { name: m.name } : {}),
    ...(m.given_name ? { givenName: m.given_name } : {}),
    ...(m.family_name ? { familyName: m.family_name } : {}),
    ...(m.email ? { email: m.email } : {}),
    ...(m.lis_person_sourcedid ? { sourcedId: m.lis_person_sourcedid } : {}),
  };
}

/**
 * All members of a context (NRPS 2.0), following `Link: <…>; rel="next"` until it is absent.
 * Errors are LtiServiceError, classified retryable or permanent like the score service's.
 */
export async function fetchMemberships(ctx: ServiceContext, query: MembershipQuery): Promise<Roster> {
  const first = new URL(query.contextMembershipsUrl);
  if (query.role) first.searchParams.set('role', query.role);
  if (query.limit) first.searchParams.set('limit', String(query.limit));
  const scopes = [SCOPE.contextMembershipReadonly];
  const what = `The membership service of ${query.registration.issuer}`;
  const maxPages = query.maxPages ?? 1000;

  const roster: Roster = { members: [] };
  const seen = new Set<string>();
  let next: string | undefined = first.href;
  while (next) {
    if (seen.has(next) || seen.size >= maxPages) {
      throw new LtiServiceError('invalid_response', `${what} keeps paging (${seen.size} pages); stopped.`, { retryable: false });
    }
    // Our bearer token must not be sent to whatever host a next link names.
    if (new URL(next).origin !== first.origin) {
      throw new LtiServiceError('invalid_response', `${what} pointed its next page to another origin.`, { retryable: false });
    }
    seen.add(next);
    const response = await sendAuthorized(
      ctx,
      query.registration,
      scopes,
      next,
      { headers: { accept: MEMBERSHIP_MEDIA_TYPE } },
      { what, service: 'membership' },
    );
    const page = MembershipPageSchema.safeParse(await readServiceJson(response, what));
    if (!page.success) {
      const issue = page.error.issues[0];
      throw new LtiServiceError('invalid_response', `${what} sent an unreadable page: ${issue?.path.join('.')} ${issue?.message}`, {
        retryable: false,
        status: response.status,
      });
    }
    if (page.data.context && !roster.context) {
      const c = page.data.context;
      roster.context = { id: c.id, ...(c.label ? { label: c.label } : {}), ...(c.title ? { title: c.title } : {}) };
    }
    roster.members.push(...page.data.members.map(toMember));
    next = parseLinkHeader(response.headers.get('link'), next).get('next');
  }
  return roster;
}
