import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { auth } from '@/auth';
import { getUserContext } from '@/db/queries/users';

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getUserContext>>>;

/** The signed-in user with an active school membership, re-read from the database on every request. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return (await getUserContext(id)) ?? null;
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/signin');
  return user;
}

export async function requireSchoolAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  // 404, not a redirect: a teacher learns nothing about what the admin pages hold.
  if (user.role !== 'school_admin') notFound();
  return user;
}
