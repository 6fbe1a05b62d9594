import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CitedText } from '@/app/_components/lesson/cited-text';
import { requireUser } from '@/app/_lib/session';
import { getModule } from '@/lib/content/catalog';
import { getKit } from '@/lib/kits/content';
import { KitPlan } from '../_components/kit-plan';
import { WorksheetSection } from '../_components/worksheet-section';
import { getPageLocale } from '@/app/_lib/locale';

type Props = { params: Promise<{ kitId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const kit = getKit((await params).kitId);
  return { title: kit?.versions[await getPageLocale()].title };
}

export default async function KitPage({ params }: Props) {
  await requireUser();
  const entry = getKit((await params).kitId);
  if (!entry) notFound();
  const [t, locale] = await Promise.all([getTranslations('kits'), getPageLocale()]);
  const kit = entry.versions[locale];
  const modules = kit.modules.map((id) => ({ id, title: getModule(id)?.lessons[locale].frontmatter.title ?? id }));
  return (
    <article>
      <p className="eyebrow">{t('tierHeading', { tier: kit.tier })}</p>
      <h1>{kit.title}</h1>
      <p className="lead">{kit.summary}</p>
      <p className="meta">
        <span>{t('minutes', { minutes: kit.minutes })}</span>
        <span>
          {t('goesWith')}{' '}
          {modules.map((m, i) => (
            <span key={m.id}>
              {i > 0 && ', '}
              <Link href={`/learn/${m.id}`}>{m.title}</Link>
            </span>
          ))}
        </span>
      </p>
      <h2>{t('objectives')}</h2>
      <ul>
        {kit.objectives.map((o, i) => (
          <li key={i}>{o}</li>
        ))}
      </ul>
      <h2>{t('materials')}</h2>
      <ul>
        {kit.materials.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
      <KitPlan kit={kit} />
      <h2>{t('prompts')}</h2>
      <p className="meta">{t('promptsNote')}</p>
      <ol>
        {kit.prompts.map((p, i) => (
          <li key={i}>
            <CitedText text={p} />
          </li>
        ))}
      </ol>
      <WorksheetSection kit={kit} />
      <p>
        <Link href="/learn/kits">{t('allKits')}</Link>
      </p>
    </article>
  );
}
