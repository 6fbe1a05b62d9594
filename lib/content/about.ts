import { getCatalog } from './catalog';
import { TIERS } from './tiers';

import { escapeHtml as escape } from '@/lib/html';

/** A public page about the training and its evidence, in the three languages, listing the catalog. */
export function renderAboutHtml() {
  const catalog = getCatalog();
  const list = (lang: 'kk' | 'ru' | 'en') =>
    TIERS.map(
      (tier) =>
        `<h3>${tier}</h3><ul>${catalog
          .filter((m) => m.tier === tier)
          .map((m) => `<li><strong>${escape(m.lessons[lang].frontmatter.title)}</strong> (${m.minutes} min): ${escape(m.lessons[lang].frontmatter.summary)}</li>`)
          .join('')}</ul>`,
    ).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>About KKO Teach</title>
<style>body{font:16px/1.55 system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem;color:#1b2530}h1{font-size:1.8rem}a{color:#0b5cad}</style></head><body>
<h1>KKO Teach</h1><p>Children's online safety training for teachers in Kazakhstan, built on the national <em>Kazakhstan Kids Online</em> study (UNICEF, 2023): 1,201 children aged 9-17 who use the internet, and their parents. Every figure in the lessons is cited and can be followed back to the report line it comes from.</p>
<p>Children can call <strong>Helpline 150</strong>: free, confidential and anonymous.</p><p><a href="/signin">Sign in</a></p>
<p>Something happened? The incident guide, no sign-in: <a href="/respond?lang=kk" lang="kk">Бірдеңе болды ма?</a> · <a href="/respond?lang=ru" lang="ru">Что-то случилось?</a> · <a href="/respond?lang=en">Something happened?</a></p>
<section lang="en"><h2>Modules</h2>${list('en')}</section><section lang="ru"><h2>Модули</h2>${list('ru')}</section><section lang="kk"><h2>Модульдер</h2>${list('kk')}</section>
</body></html>`;
}
