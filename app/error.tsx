'use client';

import { useTranslations } from 'next-intl';

/** Shown when a page fails on the server, e.g. while the database restarts: say so and offer a retry. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <div className="narrow-wide" role="alert">
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <p>
        <button type="button" className="button primary" onClick={() => reset()}>
          {t('retry')}
        </button>
      </p>
    </div>
  );
}
