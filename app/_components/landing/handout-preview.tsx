import { useTranslations } from 'next-intl';
import { getHandout, plainText } from '@/lib/handouts/content';
import type { Locale } from '@/lib/i18n/locales';

/** What parents receive, as a school would send it: title, key messages and where to get help. */
export function HandoutPreview({ locale }: { locale: Locale }) {
  const t = useTranslations('landing');
  const handout = getHandout('9-10', locale);
  const help = handout.sections.find((s) => s.id === 'where-to-get-help');
  return (
    <section aria-labelledby="handout-preview" className="preview">
      <h2 id="handout-preview">{t('handoutHeading')}</h2>
      <p>{t('handoutIntro')}</p>
      <figure className="handout-sample">
        <p className="eyebrow">{t('handoutSample')}</p>
        <p className="handout-title">{handout.title}</p>
        <ul>
          {handout.keyMessages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
        {help && <p>{plainText(help.paragraphs[0] ?? '')}</p>}
      </figure>
    </section>
  );
}
