import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { requireSchoolAdmin } from '@/app/_lib/session';
import { TIERS } from '@/lib/content/tiers';
import { getHandout } from '@/lib/handouts/content';
import { shortCode } from '@/lib/handouts/serve';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';
import { publicOrigin } from '@/lib/server/origin';
import { TableScroll } from '@/app/_components/table-scroll';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('handoutsAdmin'))('title') };
}

/** Preview every handout, download them all, and copy a ready message for each parents' group. */
export default async function HandoutsAdminPage() {
  const admin = await requireSchoolAdmin();
  const [t, h] = await Promise.all([getTranslations('handoutsAdmin'), headers()]);
  const origin = publicOrigin(h);
  const slug = encodeURIComponent(admin.schoolSlug);
  return (
    <div>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <p>
        <a className="button primary" href={`/api/schools/${slug}/handouts.zip`} download>
          {t('downloadZip')}
        </a>
      </p>
      {TIERS.map((tier) => (
        <section key={tier} aria-labelledby={`h-${tier}`}>
          <h2 id={`h-${tier}`}>{t('tier', { tier })}</h2>
          <TableScroll label={t('tier', { tier })}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('language')}</th>
                  <th scope="col">{t('forms')}</th>
                  <th scope="col">{t('message')}</th>
                </tr>
              </thead>
              <tbody>
                {LOCALES.map((lang) => {
                  const short = `${origin}/h/${slug}/${shortCode(tier, lang)}`;
                  const base = `/handouts/${slug}/${tier}`;
                  return (
                    <tr key={lang} data-handout={`${tier}-${lang}`}>
                      <th scope="row" lang={lang}>
                        {LOCALE_NAMES[lang]}
                      </th>
                      <td>
                        <a href={`${base}?lang=${lang}`}>{t('page')}</a> · <a href={`${base}.pdf?lang=${lang}`}>PDF</a> ·{' '}
                        <a href={`${base}.png?lang=${lang}`}>{t('card')}</a>
                      </td>
                      <td>
                        <textarea
                          readOnly
                          rows={3}
                          aria-label={t('messageFor', { tier, lang: LOCALE_NAMES[lang] })}
                          lang={lang}
                          defaultValue={messageText(lang, getHandout(tier, lang).title, short, admin.schoolName[lang])}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
      <p className="meta">{t('note')}</p>
    </div>
  );
}

/** The text a school pastes into a parents' messenger group, in that group's language. */
function messageText(lang: Locale, title: string, link: string, school: string) {
  if (lang === 'kk')
    return `Құрметті ата-аналар! ${school} балалардың интернеттегі қауіпсіздігі туралы қысқа жадынаманы ұсынады: «${title}». Оқу үшін: ${link}`;
  if (lang === 'ru') return `Уважаемые родители! ${school} делится короткой памяткой о безопасности детей в интернете: «${title}». Читать: ${link}`;
  return `Dear parents, ${school} shares a short guide on children's online safety: "${title}". Read it here: ${link}`;
}
