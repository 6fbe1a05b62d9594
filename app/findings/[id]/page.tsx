import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { findingText } from '@/lib/content/finding-text';
import { getFinding, getReportLine } from '@/lib/content/findings';
import { isLocale, type Locale } from '@/lib/i18n/locales';

type Props = { params: Promise<{ id: string }> };

async function pageLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : 'en';
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const finding = getFinding((await params).id);
  return { title: finding ? findingText(finding, await pageLocale()).title : (await getTranslations('finding'))('eyebrow') };
}

/** Public: any reader can follow a lesson's number back to the report line it came from. */
export default async function FindingPage({ params }: Props) {
  const finding = getFinding((await params).id);
  if (!finding) notFound();
  const [t, locale] = await Promise.all([getTranslations('finding'), pageLocale()]);
  const text = findingText(finding, locale);
  const lines = [...new Set([finding.source.line, ...finding.figures.map((f) => f.line)])].sort((a, b) => a - b);
  return (
    <div className="narrow-wide">
      <p className="eyebrow">{t('eyebrow')}</p>
      <h1 lang={text.lang}>{text.title}</h1>
      <p className="lead" lang={text.lang}>
        {text.summary}
      </p>
      <p className="meta">{t('reference', { id: finding.id })}</p>
      <h2>{t('figures')}</h2>
      {locale !== 'en' && <p className="meta">{t('asInReport')}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('label')}</th>
            <th scope="col">{t('value')}</th>
            <th scope="col">{t('base')}</th>
            <th scope="col">{t('line')}</th>
          </tr>
        </thead>
        <tbody lang="en">
          {finding.figures.map((f, i) => (
            <tr key={i}>
              <td>{f.label}</td>
              <td>
                {String(f.value)}
                {f.unit === '%' ? '%' : ` ${f.unit}`}
              </td>
              <td>{f.base ?? '—'}</td>
              <td>{f.line}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {finding.notes && (
        <p lang="en">
          <strong>{t('notes')}:</strong> {finding.notes}
        </p>
      )}
      <h2>{t('reportText')}</h2>
      <p>{t.rich('source', { section: finding.source.section, type: finding.sourceType, en: (chunks) => <span lang="en">{chunks}</span> })}</p>
      {lines.map((line) => (
        <blockquote key={line} lang="en">
          <p className="meta">{t('lineNumber', { line })}</p>
          <p>{getReportLine(line)}</p>
        </blockquote>
      ))}
    </div>
  );
}
