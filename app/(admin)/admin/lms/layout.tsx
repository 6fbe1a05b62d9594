import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_components/client-messages';

export default function LmsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['lms', 'lmsDeployments', 'forms']}>{children}</ClientMessages>;
}
