import Link from 'next/link';
import { useId } from 'react';
import { useTranslations } from 'next-intl';
import { getFinding } from '@/lib/content/findings';

/** An inline citation: tap or hover shows the figures and their base; the link leads to the report line. */
export function Cite({ id }: { id: string }) {
  const popoverId = `cite-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const t = useTranslations('lesson');
  const finding = getFinding(id);
  if (!finding) return null;
  return (
    <span className="cite">
      <button type="button" popoverTarget={popoverId} className="cite-button" aria-label={t('citeLabel', { id })}>
        {t('citeShort')}
      </button>
      <span id={popoverId} popover="auto" className="cite-popover" role="note">
        <strong>{finding.id}</strong>
        <span lang="en">{finding.statement}</span>
        <span className="cite-figures">
          {finding.figures.slice(0, 4).map((f, i) => (
            <span key={i}>
              {f.label}: {String(f.value)}
              {f.unit === '%' ? '%' : ` ${f.unit}`}
              {f.base ? ` (${t('base')}: ${f.base})` : ''}
            </span>
          ))}
        </span>
        <Link href={`/findings/${encodeURIComponent(finding.id)}`}>{t('seeSource', { line: finding.source.line })}</Link>
      </span>
    </span>
  );
}
