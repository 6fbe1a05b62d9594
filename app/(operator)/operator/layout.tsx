import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_components/client-messages';

export default function OperatorLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['operator', 'operatorEdit', 'forms']}>{children}</ClientMessages>;
}
