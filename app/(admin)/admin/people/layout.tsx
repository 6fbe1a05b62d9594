import type { ReactNode } from 'react';
import { ClientMessages } from '@/app/_components/client-messages';

export default function PeopleLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['people', 'peopleImport', 'forms']}>{children}</ClientMessages>;
}
