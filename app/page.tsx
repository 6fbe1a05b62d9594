import { redirect } from 'next/navigation';
import { getCurrentOperator, getCurrentUser } from '@/app/_lib/session';

export default async function Home() {
  const user = await getCurrentUser();
  if (user) redirect(user.role === 'school_admin' ? '/admin' : '/learn');
  redirect((await getCurrentOperator()) ? '/operator' : '/signin');
}
