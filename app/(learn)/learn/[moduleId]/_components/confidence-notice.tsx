import { getTranslations } from 'next-intl/server';

/** What happened to the confidence answers just sent (from the redirect's ?confidence=). */
export async function ConfidenceNotice({ notice }: { notice: string | undefined }) {
  if (notice !== 'saved' && notice !== 'skipped' && notice !== 'invalid') return null;
  const t = await getTranslations('confidence');
  return (
    <p role={notice === 'invalid' ? 'alert' : 'status'} className={notice === 'invalid' ? 'form-error' : 'meta'}>
      {t(`notice.${notice}`)}
    </p>
  );
}
