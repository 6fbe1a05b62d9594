import { getTranslations } from 'next-intl/server';
import { listSchoolRefresherResults } from '@/db/queries/refreshers';
import { getModule } from '@/lib/content/catalog';
import type { Locale } from '@/lib/i18n/locales';
import { keptUpToDate } from '@/lib/refreshers/kept-up-to-date';

/** Refreshers answered by the school's teachers: who has kept each module up to date. */
export async function KeptUpToDate({ schoolId, locale }: { schoolId: string; locale: Locale }) {
  const [rows, t] = await Promise.all([listSchoolRefresherResults(schoolId), getTranslations('refresher')]);
  const teachers = keptUpToDate(rows);
  if (teachers.length === 0) return null;
  return (
    <section aria-labelledby="kept-up-to-date">
      <h2 id="kept-up-to-date">{t('keptHeading')}</h2>
      <ul>
        {teachers.map((teacher) => (
          <li key={teacher.userId}>
            {teacher.name}:{' '}
            {teacher.modules.map((m, i) => (
              <span key={m.moduleId}>
                {i > 0 && '; '}
                {getModule(m.moduleId)?.lessons[locale].frontmatter.title ?? m.moduleId} —{' '}
                {t('keptCell', { correct: m.correct, total: m.total, days: m.stage })}
                {m.kept && <strong> ({t('keptUpToDate')})</strong>}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
