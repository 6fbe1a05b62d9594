import { getTranslations } from 'next-intl/server';
import { getCatalog } from '@/lib/content/catalog';
import { TIERS } from '@/lib/content/tiers';
import type { Locale } from '@/lib/i18n/locales';
import { escapeHtml } from '@/lib/html';
import { ltiPage } from './pages';

/** The deep-linking picker, in the launch's language: tiers and their modules as checkboxes, posted back with the signed context. */
export async function pickerPage(contextToken: string, locale: Locale, multiple: boolean) {
  const t = await getTranslations({ locale, namespace: 'ltiPicker' });
  const catalog = getCatalog();
  const input = multiple ? 'checkbox' : 'radio';
  const groups = TIERS.map(
    (tier) =>
      `<fieldset><legend>${escapeHtml(t('tier', { tier }))}</legend>${catalog
        .filter((m) => m.tier === tier)
        .map(
          (m) =>
            `<label style="display:block;margin:.3rem 0"><input type="${input}" name="module" value="${m.id}"> ${escapeHtml(m.lessons[locale].frontmatter.title)} (${escapeHtml(t('minutes', { minutes: m.minutes }))})</label>`,
        )
        .join('')}</fieldset>`,
  ).join('');
  return ltiPage(
    200,
    t('title'),
    `<p>${escapeHtml(t('intro'))}</p>
<form method="post" action="/lti/deep-link"><input type="hidden" name="context" value="${escapeHtml(contextToken)}">${groups}
<p><button type="submit">${escapeHtml(t('submit'))}</button></p></form>`,
    '',
    locale,
  );
}
