import { useTranslations } from 'next-intl';
import type { TeacherCompletion } from '@/lib/completion/teacher';
import { formatDateTime, formatDay } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/locales';
import { TableScroll } from '@/app/_components/table-scroll';

export function TeacherModules({ teacher, locale }: { teacher: TeacherCompletion; locale: Locale }) {
  const t = useTranslations('admin');
  const caption = t('teacherModules', { name: teacher.name });
  if (teacher.modules.length === 0) return <p>{t('noModules')}</p>;
  return (
    <section aria-labelledby="teacher-modules">
      <h2 id="teacher-modules">{caption}</h2>
      <TableScroll label={caption}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('module')}</th>
              <th scope="col">{t('tier')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('sectionsRead')}</th>
              <th scope="col">{t('attempts')}</th>
              <th scope="col">{t('bestScore')}</th>
              <th scope="col">{t('completedAt')}</th>
              <th scope="col">{t('dueDate')}</th>
              <th scope="col">{t('certificate')}</th>
            </tr>
          </thead>
          <tbody>
            {teacher.modules.map((m) => (
              <tr key={m.moduleId} data-module={m.moduleId} data-status={m.status}>
                <th scope="row">{m.title[locale]}</th>
                <td>{m.tier}</td>
                <td>
                  <span className={`status status-${m.status}`}>{t(`statusOf.${m.status}`)}</span>
                </td>
                <td>{t('readOf', { read: m.read, total: m.sections })}</td>
                <td>{m.attempts}</td>
                <td>{m.best ?? '—'}</td>
                <td>{m.completedAt ? formatDateTime(m.completedAt, locale, { dateStyle: 'medium' }) : '—'}</td>
                <td>{m.dueDate ? formatDay(m.dueDate, locale) : '—'}</td>
                <td>{m.certificateId ? <a href={`/certificates/${m.certificateId}`}>{t('viewCertificate')}</a> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
