import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getGuide, isSituation, SITUATIONS } from '@/lib/respond/guide';
import { sourcesInOrder } from '@/lib/respond/render';
import { EmergencyLine } from '../_components/emergency-line';
import { GuideBody } from '../_components/guide-body';
import { GuideLanguages } from '../_components/guide-languages';
import { PrintButton } from '../_components/print-button';
import { SourceList } from '../_components/source-list';
import '../respond.css';
import { getPageLocale } from '@/app/_lib/locale';

type Props = { params: Promise<{ situation: string }> };

export const dynamicParams = false;
export function generateStaticParams() {
  return SITUATIONS.map((situation) => ({ situation }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { situation } = await params;
  if (!isSituation(situation)) return {};
  return { title: getGuide(situation, await getPageLocale()).title };
}

export default async function SituationPage({ params }: Props) {
  const { situation } = await params;
  if (!isSituation(situation)) notFound();
  const [t, locale] = await Promise.all([getTranslations('respond'), getPageLocale()]);
  const guide = getGuide(situation, locale);
  const sourceIds = sourcesInOrder(guide);
  return (
    <article className="respond guide">
      <div className="guide-tools">
        <a href={`/respond?lang=${locale}`}>{t('allSituations')}</a>
        <GuideLanguages path={`/respond/${situation}`} current={locale} />
        <PrintButton label={t('print')} />
      </div>
      <p className="eyebrow">{t('title')}</p>
      <h1>{guide.title}</h1>
      <p className="lead">{guide.summary}</p>
      <EmergencyLine />
      <div className="guide-grid">
        <GuideBody guide={guide} sourceNumbers={new Map(sourceIds.map((id, i) => [id, i + 1]))} />
      </div>
      <p className="guide-contacts">{t('localContacts')}</p>
      <SourceList ids={sourceIds} />
    </article>
  );
}
