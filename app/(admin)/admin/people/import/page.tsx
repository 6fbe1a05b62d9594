import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireSchoolAdmin } from '@/app/_lib/session';
import { MAX_ROWS } from '@/lib/people-import/errors';
import { ImportForm } from './_components/import-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('peopleImport'))('title') };
}

export default async function ImportTeachersPage() {
  await requireSchoolAdmin();
  const t = await getTranslations('peopleImport');
  return (
    <div>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro', { max: MAX_ROWS })}</p>
      <pre className="example" aria-label={t('exampleLabel')}>
        {t('example')}
      </pre>
      <ImportForm />
    </div>
  );
}
