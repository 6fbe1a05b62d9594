'use client';

import { useTranslations } from 'next-intl';
import type { ImportRow } from '@/lib/people-import/rows';

export function PreviewTable({ rows }: { rows: ImportRow[] }) {
  const t = useTranslations('peopleImport');
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('previewHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('line')}</th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('email')}</th>
            <th scope="col">{t('tiers')}</th>
            <th scope="col">{t('status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.line}>
              <td>{r.line}</td>
              <td>{r.name}</td>
              <td>{r.email}</td>
              <td>{r.tiers.join(', ')}</td>
              <td>{r.problems.length === 0 ? t('ok') : r.problems.map((p) => t(`row_${p}`, { tiers: r.unknownTiers.join(', ') })).join(' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
