import { useTranslations } from 'next-intl';
import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';
import type { Kit } from '@/lib/kits/content';

/** The children's tasks as text, and the printable worksheet in each language. */
export function WorksheetSection({ kit }: { kit: Kit }) {
  const t = useTranslations('kits');
  return (
    <section aria-labelledby="kit-worksheet">
      <h2 id="kit-worksheet">{t('worksheet')}</h2>
      <p>
        <strong>{kit.worksheet.title}.</strong> {kit.worksheet.intro}
      </p>
      <ol>
        {kit.worksheet.tasks.map((task) => (
          <li key={task.id}>
            {task.prompt}
            {task.options && (
              <ul>
                {task.options.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <p>{kit.worksheet.help}</p>
      <p className="actions">
        <span>{t('downloadIn')}</span>
        {LOCALES.map((lang) => (
          <a key={lang} className="button" href={`/learn/kits/${kit.id}/worksheet.pdf?lang=${lang}`} lang={lang}>
            {t('worksheetPdf', { lang: LOCALE_NAMES[lang] })}
          </a>
        ))}
      </p>
    </section>
  );
}
