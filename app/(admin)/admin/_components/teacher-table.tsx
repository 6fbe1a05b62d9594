import { useTranslations } from 'next-intl';
import type { CompletionSummary } from '@/lib/completion/summarize';
import { formatDateTime, formatDay } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/locales';
import { TableScroll } from '@/app/_components/table-scroll';

type Props = { rows: CompletionSummary['byTeacher']; modules: CompletionSummary['byModule']; locale: Locale };

export function TeacherTable({ rows, modules, locale }: Props) {
  const t = useTranslations('admin');
  const title = (id: string) => modules.find((m) => m.id === id)?.title[locale] ?? id;
  return (
    <section aria-labelledby="by-teacher">
      <h2 id="by-teacher">{t('byTeacher')}</h2>
      {rows.length === 0 && <p>{t('noTeachers')}</p>}
      <TableScroll label={t('byTeacher')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('teacher')}</th>
              <th scope="col">{t('module')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('score')}</th>
              <th scope="col">{t('attempts')}</th>
              <th scope="col">{t('dueDate')}</th>
              <th scope="col">{t('completedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.flatMap((teacher) =>
              teacher.cells.map((c, i) => (
                <tr key={`${teacher.userId}-${c.moduleId}`} data-teacher={teacher.email} data-status={c.status}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={teacher.cells.length}>
                      {teacher.name}
                      <br />
                      <small>{t('ofPercent', { done: teacher.tally.completed, total: teacher.tally.expected, percent: teacher.tally.percent })}</small>
                    </th>
                  )}
                  <td>{title(c.moduleId)}</td>
                  <td>
                    <span className={`status status-${c.status}`}>{t(`statusOf.${c.status}`)}</span>
                  </td>
                  <td>{c.score ?? '—'}</td>
                  <td>{c.attempts}</td>
                  <td>{c.dueDate ? formatDay(c.dueDate, locale) : '—'}</td>
                  <td>{c.completedAt ? formatDateTime(c.completedAt, locale, { dateStyle: 'medium' }) : '—'}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
