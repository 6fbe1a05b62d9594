import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_components/client-messages';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['signin', 'forms', 'join', 'forgot']}>{children}</ClientMessages>;
}
