import { useTranslations } from 'next-intl';
import type { CompletionSummary } from '@/lib/completion/summarize';
import type { Locale } from '@/lib/i18n/locales';
import { TableScroll } from '@/app/_components/table-scroll';

export function ModuleTable({ rows, locale }: { rows: CompletionSummary['byModule']; locale: Locale }) {
  const t = useTranslations('admin');
  return (
    <section aria-labelledby="by-module">
      <h2 id="by-module">{t('byModule')}</h2>
      <TableScroll label={t('byModule')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('module')}</th>
              <th scope="col">{t('tier')}</th>
              <th scope="col">{t('completed')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.title[locale]}</th>
                <td>{m.tier}</td>
                <td>{t('ofPercent', { done: m.completed, total: m.expected, percent: m.percent })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
