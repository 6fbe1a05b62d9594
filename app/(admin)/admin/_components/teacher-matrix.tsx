import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { CompletionSummary } from '@/lib/completion/summarize';
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

/** One row per teacher, one small mark per module: the details live on the teacher's own page. */
export function TeacherMatrix({ rows, modules, locale, page, pages }: Props) {
  const t = useTranslations('admin');
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
                      {/* No prefetch: fifty rows would fetch fifty teacher pages nobody opened. */}
                      <Link href={`/admin/teachers/${teacher.userId}`} prefetch={false}>
                        {teacher.name}
                      </Link>
                    </th>
                    {/* Bytes matter here (a cell per teacher and module, in the HTML and again in the RSC payload): index keys, an empty cell for a module not expected, and a bare span that the .matrix styles hide visually. */}
                    {modules.map((m, i) => {
                      const status = cells.get(m.id);
                      return status ? (
                        <td key={i} className={`st-${status}`}>
                          <span>{t(`statusOf.${status}`)}</span>
                        </td>
                      ) : (
                        <td key={i} />
                      );
                    })}
                    <td>
                      {teacher.inTier.filter((c) => c.status === 'completed').length}/{teacher.inTier.length}
                    </td>
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
