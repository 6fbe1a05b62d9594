import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_components/client-messages';

export default function OutboxLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['outbox']}>{children}</ClientMessages>;
}
