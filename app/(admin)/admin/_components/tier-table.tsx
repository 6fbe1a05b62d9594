import { useTranslations } from 'next-intl';
import type { CompletionSummary } from '@/lib/completion/summarize';
import { TableScroll } from '@/app/_components/table-scroll';

export function TierTable({ rows }: { rows: CompletionSummary['byTier'] }) {
  const t = useTranslations('admin');
  return (
    <section aria-labelledby="by-tier">
      <h2 id="by-tier">{t('byTier')}</h2>
      <TableScroll label={t('byTier')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('tier')}</th>
              <th scope="col">{t('teachers')}</th>
              <th scope="col">{t('teachersDone')}</th>
              <th scope="col">{t('modulesCompleted')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.tier}>
                <th scope="row">{r.tier}</th>
                <td>{r.teachers}</td>
                <td>{r.teachersDone}</td>
                <td>{t('ofPercent', { done: r.completed, total: r.expected, percent: r.percent })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
