import { useTranslations } from 'next-intl';
import { STATUSES } from './filters';

/** What each mark of the matrix means: a shape and a word for every status, never colour alone; an empty cell is a module not expected. */
export function StatusLegend() {
  const t = useTranslations('admin');
  return (
    <ul className="legend" aria-label={t('legend')}>
      {STATUSES.map((s) => (
        <li key={s}>
          <span className={`st-${s}`} aria-hidden="true" /> {t(`statusOf.${s}`)}
        </li>
      ))}
      <li>{t('emptyNotExpected')}</li>
    </ul>
  );
}
