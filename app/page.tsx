import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';

export default async function Home() {
  const user = await getCurrentUser();
  redirect(!user ? '/signin' : user.role === 'school_admin' ? '/admin' : '/learn');
}
