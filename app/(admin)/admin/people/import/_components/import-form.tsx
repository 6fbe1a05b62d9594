'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { confirmImportAction, previewImport } from '../actions';
import type { ImportResult } from '../schema';
import { ImportLinks } from './import-links';
import { PreviewTable } from './preview-table';

/** Choose a file → preview (nothing written) → confirm with the same file (all valid rows or none). */
export function ImportForm() {
  const t = useTranslations('peopleImport');
  const form = useRef<HTMLFormElement>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: (d: FormData) => Promise<ImportResult>, extra?: Record<string, string>) => {
    if (!form.current) return;
    const data = new FormData(form.current);
    for (const [k, v] of Object.entries(extra ?? {})) data.set(k, v);
    setBusy(true);
    try {
      setResult(await action(data));
    } finally {
      setBusy(false);
    }
  };

  const preview = result?.ok ? result.preview : undefined;
  return (
    <>
      <form ref={form} className="form" onSubmit={(e) => (e.preventDefault(), run(previewImport))}>
        <div className="field">
          <label htmlFor="import-file">{t('file')}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            required
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-error"
            onChange={() => setResult(null)}
          />
          <p id="import-error" className="field-error" aria-live="polite">
            {result && !result.ok ? t(`file_${result.fileProblem}`, result.detail ?? {}) : ''}
          </p>
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('preview')}
        </button>
      </form>
      {preview && (
        <section aria-labelledby="import-preview">
          <h2 id="import-preview">{t('previewHeading')}</h2>
          <p role="status">{t('summary', { total: preview.total, valid: preview.validCount, invalid: preview.total - preview.validCount })}</p>
          <PreviewTable rows={preview.rows} />
          {preview.validCount > 0 ? (
            <button type="button" className="button primary" disabled={busy} onClick={() => run(confirmImportAction, { fingerprint: preview.fingerprint })}>
              {t('confirm', { count: preview.validCount })}
            </button>
          ) : (
            <p>{t('nothingToImport')}</p>
          )}
        </section>
      )}
      {result?.ok && result.links && <ImportLinks links={result.links} />}
    </>
  );
}
