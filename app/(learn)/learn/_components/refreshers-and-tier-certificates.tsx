import { getTranslations } from 'next-intl/server';
import { listOpenRefreshers } from '@/db/queries/refreshers';
import { listMyTierCertificates } from '@/db/queries/tier-certificates';
import { getModule } from '@/lib/content/catalog';
import { studyHours } from '@/lib/certificates/tier-pdf';
import type { Locale } from '@/lib/i18n/locales';

/** Refreshers waiting for the teacher and the age-group certificates they hold; nothing when neither exists. */
export async function RefreshersAndTierCertificates({ userId, schoolId, locale }: { userId: string; schoolId: string; locale: Locale }) {
  const [open, certs, t, tc] = await Promise.all([
    listOpenRefreshers(userId),
    listMyTierCertificates(userId, schoolId),
    getTranslations('refresher'),
    getTranslations('tierCertificate'),
  ]);
  return (
    <>
      {open.length > 0 && (
        <section aria-labelledby="refreshers-open">
          <h2 id="refreshers-open">{t('open')}</h2>
          <ul>
            {open.map((r) => (
              <li key={r.id}>
                <a href={`/learn/refresher/${r.id}`}>{t('openItem', { title: getModule(r.moduleId)?.lessons[locale].frontmatter.title ?? r.moduleId })}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {certs.length > 0 && (
        <section aria-labelledby="tier-certificates">
          <h2 id="tier-certificates">{tc('mine')}</h2>
          <ul>
            {certs.map((c) => (
              <li key={c.id}>
                <a href={`/certificates/${c.id}`}>{tc('mineItem', { tier: c.tier, hours: studyHours(c.minutes, locale) })}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
