import { useTranslations } from 'next-intl';
import type { CellStatus, CompletionSummary } from '@/lib/completion/summarize';
import type { Locale } from '@/lib/i18n/locales';
import { TableScroll } from '@/app/_components/table-scroll';
import { StatusLegend } from './status-legend';

type Props = {
  rows: CompletionSummary['byTeacher'];
  modules: CompletionSummary['byModule'];
  locale: Locale;
  page: number;
  pages: number;
};

const STATUSES = ['completed', 'in_progress', 'not_started', 'overdue'] as const satisfies readonly CellStatus[];

/** One row per teacher, one small mark per module: the details live on the teacher's own page. */
export function TeacherMatrix({ rows, modules, locale, page, pages }: Props) {
  const t = useTranslations('admin');
  // Four labels for hundreds of cells: translated once, not once per cell.
  const label = Object.fromEntries(STATUSES.map((s) => [s, t(`statusOf.${s}`)])) as Record<CellStatus, string>;
  const tiers = [...new Set(modules.map((m) => m.tier))].map((tier) => ({ tier, modules: modules.filter((m) => m.tier === tier) }));
  return (
    <section aria-labelledby="by-teacher">
      <h2 id="by-teacher">{t('byTeacher')}</h2>
      <p>{t('matrixHint')}</p>
      <StatusLegend />
      {rows.length === 0 ? (
        <p>{t('noMatch')}</p>
      ) : (
        <TableScroll label={t('byTeacher')}>
          <table className="matrix">
            <caption className="visually-hidden">{t('matrixCaption', { page, pages })}</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {t('teacher')}
                </th>
                {tiers.map((g) => (
                  <th key={g.tier} scope="colgroup" colSpan={g.modules.length}>
                    {g.tier}
                  </th>
                ))}
                <th scope="col" rowSpan={2}>
                  {t('doneOfExpected')}
                </th>
                <th scope="col" rowSpan={2}>
                  {t('overdueCount')}
                </th>
              </tr>
              <tr>
                {tiers.flatMap((g) =>
                  g.modules.map((m, i) => (
                    <th key={m.id} scope="col" title={m.title[locale]}>
                      <span aria-hidden="true">{i + 1}</span>
                      <span className="visually-hidden">{m.title[locale]}</span>
                    </th>
                  )),
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((teacher) => {
                const cells = new Map(teacher.inTier.map((c) => [c.moduleId, c.status]));
                return (
                  <tr key={teacher.userId} data-teacher={teacher.email}>
                    <th scope="row">
                      {/* A plain link: fifty next/link elements would each be a client component to hydrate (and prefetch). */}
                      <a href={`/admin/teachers/${teacher.userId}`}>{teacher.name}</a>
                    </th>
                    {/* Bytes matter here (a cell per teacher and module, in the HTML and again in the RSC payload): index keys, an empty cell for a module not expected, and the status as bare text that the .matrix styles hide visually behind its mark. */}
                    {modules.map((m, i) => {
                      const status = cells.get(m.id);
                      return status ? (
                        <td key={i} className={`st-${status}`}>
                          {label[status]}
                        </td>
                      ) : (
                        <td key={i} />
                      );
                    })}
                    <td>{`${teacher.inTier.filter((c) => c.status === 'completed').length}/${teacher.inTier.length}`}</td>
                    <td>{teacher.inTier.filter((c) => c.status === 'overdue').length}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <details className="module-key">
        <summary>{t('moduleKey')}</summary>
        {tiers.map((g) => (
          <p key={g.tier}>
            <strong>{g.tier}</strong>: {g.modules.map((m, i) => `${i + 1}. ${m.title[locale]}`).join('; ')}
          </p>
        ))}
      </details>
    </section>
  );
}
