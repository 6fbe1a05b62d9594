import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/app/_lib/session';
import { getRefresherView } from '@/lib/refreshers/answer';
import { submitRefresher } from './actions';
import { RefresherQuestion } from './_components/refresher-question';
import { getPageLocale } from '@/app/_lib/locale';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ error?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('refresher'))('title') };
}

/** Three questions on a phone: a plain form that works without script, scored on the server. */
export default async function RefresherPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const [{ id }, { error }, t, locale] = await Promise.all([params, searchParams, getTranslations('refresher'), getPageLocale()]);
  const view = await getRefresherView(user.id, id, locale);
  if (!view) notFound();
  return (
    <div className="narrow">
      <p className="eyebrow">{t('eyebrow', { days: view.stage })}</p>
      <h1>{view.title}</h1>
      {view.answered ? (
        <p className="lead" role="status">
          {t('result', { correct: view.correctCount ?? 0, total: view.questions.length })}
        </p>
      ) : (
        <p className="lead">{t('intro')}</p>
      )}
      {error === 'incomplete' && !view.answered && (
        <p role="alert" className="error">
          {t('incomplete')}
        </p>
      )}
      <form action={submitRefresher.bind(null, view.id)}>
        {view.questions.map((q, i) => (
          <RefresherQuestion key={q.id} q={q} n={i + 1} total={view.questions.length} />
        ))}
        {!view.answered && <button type="submit">{t('submit')}</button>}
      </form>
      <p>
        <Link href="/learn">{t('back')}</Link>
      </p>
    </div>
  );
}
