import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireUser } from '@/app/_lib/session';
import type { Locale } from '@/lib/i18n/locales';
import { todayInKazakhstan } from '@/lib/completion/school';
import { getMyTraining } from '@/lib/learn/my-training';
import { ModuleCardView } from './_components/module-card';
import { RefreshersAndTierCertificates } from './_components/refreshers-and-tier-certificates';
import { OtherTiers } from './_components/other-tiers';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('learn'))('title') };
}

export default async function MyTrainingPage() {
  const user = await requireUser();
  const [t, locale] = await Promise.all([getTranslations('learn'), getLocale()]);
  const tiers = await getMyTraining({ userId: user.id, schoolId: user.schoolId }, user.tiers, locale as Locale, todayInKazakhstan());
  return (
    <div>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro', { name: user.name })}</p>
      <RefreshersAndTierCertificates userId={user.id} schoolId={user.schoolId} locale={locale as Locale} />
      {tiers.length === 0 && <p>{t('noTiers')}</p>}
      {tiers.map(({ tier, modules }) => (
        <section key={tier} aria-labelledby={`tier-${tier}`} className="tier">
          <h2 id={`tier-${tier}`}>{t('tierHeading', { tier })}</h2>
          {modules.length === 0 ? (
            <p>{t('noModules')}</p>
          ) : (
            <ul className="cards">
              {modules.map((m) => (
                <ModuleCardView key={m.id} card={m} />
              ))}
            </ul>
          )}
        </section>
      ))}
      <OtherTiers taught={user.tiers} locale={locale as Locale} />
    </div>
  );
}
