import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/auth';
import { getOperator } from '@/db/queries/operator';
import { getUserContext } from '@/db/queries/users';

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getUserContext>>>;

// cache(): the header, the page and its metadata ask the same questions within one request.
const currentSession = cache(async () => {
  const session = await auth();
  return session?.user?.id ? { userId: session.user.id, schoolId: session.schoolId ?? null } : null;
});
const sessionUserId = async () => (await currentSession())?.userId ?? null;

/** The signed-in user with an active membership in the session's school, re-read from the database on every request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const s = await currentSession();
  return s ? ((await getUserContext(s.userId, s.schoolId)) ?? null) : null;
});

/** A platform operator (no school membership needed). */
export const getCurrentOperator = cache(async () => {
  const id = await sessionUserId();
  return id ? ((await getOperator(id)) ?? null) : null;
});

/** Any signed-in person (teacher, school admin or operator): the account page needs no school. */
export async function requireSignedIn(): Promise<string> {
  const id = await sessionUserId();
  if (!id) redirect('/signin');
  return id;
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect((await getCurrentOperator()) ? '/operator' : '/signin');
  return user;
}

export async function requireSchoolAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  // 404, not a redirect: a teacher learns nothing about what the admin pages hold.
  if (user.role !== 'school_admin') notFound();
  return user;
}

export async function requireOperator() {
  const operator = await getCurrentOperator();
  if (!operator) {
    if (!(await sessionUserId())) redirect('/signin');
    notFound();
  }
  return operator;
}

/** The actor fields every audited admin write needs. */
export function actorOf(user: CurrentUser) {
  return { actorId: user.id, schoolId: user.schoolId };
}
