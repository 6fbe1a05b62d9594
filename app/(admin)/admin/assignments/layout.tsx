import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_components/client-messages';

export default function AssignmentsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['assignments', 'forms']}>{children}</ClientMessages>;
}
