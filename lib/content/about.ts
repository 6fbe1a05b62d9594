import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_LOCALE, LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';
import { getCatalog } from './catalog';
import { TIERS } from './tiers';

import { escapeHtml as escape } from '@/lib/html';

type AboutStrings = Record<'title' | 'intro' | 'helpline' | 'signIn' | 'incident' | 'modules' | 'tier' | 'minutes' | 'languages' | 'respond', string>;

// Read from the UI messages so the page speaks the same words as the app; `intro` and `helpline` carry our own inline markup.
function strings(lang: Locale): AboutStrings {
  const messages = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'messages', `${lang}.json`), 'utf8')) as {
    aboutPage: AboutStrings;
    nav: { respond: string };
  };
  return { ...messages.aboutPage, respond: messages.nav.respond };
}

const fill = (s: string, values: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/** The visitor's language first, the other two after it. */
export function aboutLanguageOrder(lang: Locale): Locale[] {
  return [lang, ...LOCALES.filter((l) => l !== lang)];
}

/** A public page about the training and its evidence in one language, listing the catalog in all three (that language first). */
export function renderAboutHtml(lang: Locale = DEFAULT_LOCALE) {
  const catalog = getCatalog();
  const s = strings(lang);
  const list = (l: Locale) => {
    const ls = strings(l);
    return TIERS.map(
      (tier) =>
        `<h3>${escape(fill(ls.tier, { tier }))}</h3><ul>${catalog
          .filter((m) => m.tier === tier)
          .map(
            (m) =>
              `<li><strong>${escape(m.lessons[l].frontmatter.title)}</strong> (${escape(fill(ls.minutes, { minutes: m.minutes }))}): ${escape(m.lessons[l].frontmatter.summary)}</li>`,
          )
          .join('')}</ul>`,
    ).join('');
  };
  const order = aboutLanguageOrder(lang);
  const incident = order.map((l) => `<a href="/respond?lang=${l}" lang="${l}">${escape(strings(l).respond)}</a>`).join(' · ');
  const others = order
    .slice(1)
    .map((l) => `<a href="/about/${l}" lang="${l}" hreflang="${l}">${LOCALE_NAMES[l]}</a>`)
    .join(' · ');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(s.title)}</title>
<style>body{font:16px/1.55 system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem;color:#1b2530}h1{font-size:1.8rem}a{color:#0b5cad}</style></head><body>
<p>${escape(s.languages)} ${others}</p>
<h1>KKO Teach</h1><p>${s.intro}</p>
<p>${s.helpline}</p><p><a href="/signin">${escape(s.signIn)}</a></p>
<p>${escape(s.incident)} ${incident}</p>
${order.map((l) => `<section lang="${l}"><h2>${escape(strings(l).modules)}</h2>${list(l)}</section>`).join('')}
</body></html>`;
}
