import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_components/client-messages';

export default function AccountLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['account', 'forms']}>{children}</ClientMessages>;
}
