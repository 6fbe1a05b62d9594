import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getFinding, getReportLine } from '@/lib/content/findings';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).id.slice(0, 80) };
}

/** Public: any reader can follow a lesson's number back to the report line it came from. */
export default async function FindingPage({ params }: Props) {
  const finding = getFinding((await params).id);
  if (!finding) notFound();
  const t = await getTranslations('finding');
  const lines = [...new Set([finding.source.line, ...finding.figures.map((f) => f.line)])].sort((a, b) => a - b);
  return (
    <div className="narrow-wide">
      <p className="eyebrow">{t('eyebrow')}</p>
      <h1>{finding.id}</h1>
      <p className="lead" lang="en">
        {finding.statement}
      </p>
      <h2>{t('figures')}</h2>
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
      <p>{t('source', { section: finding.source.section, type: finding.sourceType })}</p>
      {lines.map((line) => (
        <blockquote key={line} lang="en">
          <p className="meta">{t('lineNumber', { line })}</p>
          <p>{getReportLine(line)}</p>
        </blockquote>
      ))}
    </div>
  );
}
