import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/app/_lib/session';
import { TIERS } from '@/lib/content/tiers';
import { getKits } from '@/lib/kits/content';
import { KitCard } from './_components/kit-card';
import { getPageLocale } from '@/app/_lib/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('kits'))('title') };
}

/** Every classroom kit, the tiers the teacher teaches first. */
export default async function KitsPage() {
  const user = await requireUser();
  const [t, locale] = await Promise.all([getTranslations('kits'), getPageLocale()]);
  const kits = [...getKits().values()];
  const tiers = [...TIERS].sort((a, b) => Number(!user.tiers.includes(a)) - Number(!user.tiers.includes(b)));
  return (
    <div>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {tiers.map((tier) => (
        <section key={tier} aria-labelledby={`kits-${tier}`} className="tier">
          <h2 id={`kits-${tier}`}>{t('tierHeading', { tier })}</h2>
          <ul className="cards">
            {kits
              .filter((k) => k.tier === tier)
              .map((k) => (
                <KitCard key={k.id} kit={k.versions[locale]} />
              ))}
          </ul>
        </section>
      ))}
      <p className="meta">{t('help')}</p>
    </div>
  );
}
