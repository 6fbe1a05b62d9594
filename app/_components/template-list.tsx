import { useTranslations } from 'next-intl';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';
import { getTemplate, TEMPLATE_IDS } from '@/lib/templates/content';
import { TableScroll } from '@/app/_components/table-scroll';

/** Every school template with a PDF link per language, filled with this school's profile. */
export function TemplateList({ schoolSlug, locale }: { schoolSlug: string; locale: Locale }) {
  const t = useTranslations('templates');
  const base = `/api/schools/${encodeURIComponent(schoolSlug)}/templates`;
  return (
    <TableScroll label={t('title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('template')}</th>
            <th scope="col">{t('pdfIn')}</th>
          </tr>
        </thead>
        <tbody>
          {TEMPLATE_IDS.map((id) => {
            const tpl = getTemplate(id, locale);
            return (
              <tr key={id} data-template={id}>
                <th scope="row">
                  {tpl.title}
                  <br />
                  <span className="meta">{tpl.summary}</span>
                </th>
                <td>
                  {LOCALES.map((lang, i) => (
                    <span key={lang}>
                      {i > 0 && ' · '}
                      <a href={`${base}/${id}.pdf?lang=${lang}`} lang={lang} aria-label={`${tpl.title}: PDF, ${LOCALE_NAMES[lang]}`}>
                        {LOCALE_NAMES[lang]}
                      </a>
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
