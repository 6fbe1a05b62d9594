import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';

export function Scenario({ title, children }: { title: string; children: ReactNode }) {
  const t = useTranslations('lesson');
  return (
    <aside className="scenario" aria-label={`${t('scenario')}: ${title}`}>
      <p className="eyebrow">{t('scenario')}</p>
      <h3>{title}</h3>
      {children}
    </aside>
  );
}
