import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { JoinForm } from './_components/join-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('join'))('codeTitle') };
}

export default async function JoinPage() {
  const t = await getTranslations('join');
  return (
    <div className="narrow">
      <h1>{t('codeTitle')}</h1>
      <p className="lead">{t('codeIntro')}</p>
      <JoinForm />
    </div>
  );
}
