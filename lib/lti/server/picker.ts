import { getCatalog } from '@/lib/content/catalog';
import { TIERS } from '@/lib/content/tiers';
import type { Locale } from '@/lib/i18n/locales';
import { escapeHtml, ltiPage } from './pages';

/** The deep-linking picker: tiers and their modules as checkboxes, posted back with the signed context. */
export function pickerPage(contextToken: string, locale: Locale, multiple: boolean) {
  const catalog = getCatalog();
  const input = multiple ? 'checkbox' : 'radio';
  const groups = TIERS.map(
    (tier) =>
      `<fieldset><legend>Ages ${tier}</legend>${catalog
        .filter((m) => m.tier === tier)
        .map((m) => `<label style="display:block;margin:.3rem 0"><input type="${input}" name="module" value="${m.id}"> ${escapeHtml(m.lessons[locale].frontmatter.title)} (${m.minutes} min)</label>`)
        .join('')}</fieldset>`,
  ).join('');
  return ltiPage(
    200,
    'Add KKO Teach modules to your course',
    `<p>Choose the modules to place in this course. Each becomes an activity with a gradebook column (score out of 100).</p>
<form method="post" action="/lti/deep-link"><input type="hidden" name="context" value="${escapeHtml(contextToken)}">${groups}
<p><button type="submit">Add to course</button></p></form>`,
  );
}
