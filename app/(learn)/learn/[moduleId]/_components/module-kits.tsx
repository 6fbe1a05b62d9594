import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n/locales';
import { kitsForModule } from '@/lib/kits/content';

/** Classroom lessons written to go with this module. */
export function ModuleKits({ moduleId, locale }: { moduleId: string; locale: Locale }) {
  const t = useTranslations('kits');
  const kits = kitsForModule(moduleId);
  if (kits.length === 0) return null;
  return (
    <section aria-labelledby="module-kits">
      <h2 id="module-kits">{t('moduleKits')}</h2>
      <p>{t('moduleKitsIntro')}</p>
      <ul>
        {kits.map((k) => (
          <li key={k.id}>
            <Link href={`/learn/kits/${k.id}`}>{k.versions[locale].title}</Link>{' '}
            <span className="meta">({t('minutes', { minutes: k.versions[locale].minutes })})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
