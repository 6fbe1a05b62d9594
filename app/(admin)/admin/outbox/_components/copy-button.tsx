'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useTranslations('outbox');
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
  };
  return (
    <>
      <button type="button" className="button small" onClick={copy} aria-label={label}>
        {t('copy')}
      </button>
      <span role="status" aria-live="polite">
        {copied ? t('copied') : ''}
      </span>
    </>
  );
}
