import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_components/client-messages';

export default function ProfileLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['profile', 'forms']}>{children}</ClientMessages>;
}
