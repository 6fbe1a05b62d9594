import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { getCatalog } from '@/lib/content/catalog';
import { compareTiers, TIERS } from '@/lib/content/tiers';
import type { Locale } from '@/lib/i18n/locales';

/** The modules of age groups a teacher does not teach: open to read, never tracked. */
export function OtherTiers({ taught, locale }: { taught: readonly string[]; locale: Locale }) {
  const t = useTranslations('reader');
  const others = TIERS.filter((tier) => !taught.includes(tier)).sort(compareTiers);
  if (others.length === 0) return null;
  const catalog = getCatalog();
  return (
    <section aria-labelledby="other-tiers" className="tier">
      <h2 id="other-tiers">{t('otherTiers')}</h2>
      <p>{t('otherTiersIntro')}</p>
      {others.map((tier) => (
        <details key={tier}>
          <summary>{t('tierModules', { tier })}</summary>
          <ul>
            {catalog
              .filter((m) => m.tier === tier)
              .map((m) => (
                <li key={m.id}>
                  <Link href={`/read/${m.id}`}>{m.lessons[locale].frontmatter.title}</Link>
                </li>
              ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
