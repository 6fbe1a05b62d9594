import Link from 'next/link';
import { useId } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { findingText, sampleSizes } from '@/lib/content/finding-text';
import { getFinding } from '@/lib/content/findings';
import { isLocale } from '@/lib/i18n/locales';

/** An inline citation: tap or hover shows the finding in the page's language and its base; the link leads to the report line. */
export function Cite({ id }: { id: string }) {
  const popoverId = `cite-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const t = useTranslations('lesson');
  const locale = useLocale();
  const finding = getFinding(id);
  if (!finding) return null;
  const text = findingText(finding, isLocale(locale) ? locale : 'en');
  const bases = sampleSizes(finding);
  return (
    <span className="cite">
      <button type="button" popoverTarget={popoverId} className="cite-button" aria-label={t('citeLabel', { title: text.title })}>
        {t('citeShort')}
      </button>
      <span id={popoverId} popover="auto" className="cite-popover" role="note" lang={text.lang}>
        <strong>{text.title}</strong>
        <span>{text.summary}</span>
        {bases.length > 0 && (
          <span className="cite-figures">
            {t('base')}: {bases.join(', ')}
          </span>
        )}
        <Link href={`/findings/${encodeURIComponent(finding.id)}`}>{t('seeSource', { line: finding.source.line })}</Link>
      </span>
    </span>
  );
}
