import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';

export function WhatToDo({ children }: { children: ReactNode }) {
  const t = useTranslations('lesson');
  return (
    <div className="what-to-do">
      <h3>{t('whatToDo')}</h3>
      {children}
    </div>
  );
}
