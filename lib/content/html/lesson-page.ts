import { evaluate } from '@mdx-js/mdx';
import { createTranslator } from 'next-intl';
import type { CatalogModule } from '@/lib/content/catalog';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';
import { lessonPath, markReadPath } from '@/lib/learn/lesson-paths';
import { pathAfterSection } from '@/lib/learn/next-step';
import en from '@/messages/en.json';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import { escapeHtml as e, Fragment, jsx, jsxs, type Html } from './jsx-runtime';
import { lessonComponents } from './lesson-components';

const MESSAGES = { en, kk, ru } as const;

async function sectionBody(mod: CatalogModule, locale: Locale, body: string, t: Parameters<typeof lessonComponents>[0]) {
  const { default: Content } = await evaluate(body, { Fragment, jsx, jsxs } as unknown as Parameters<typeof evaluate>[1]);
  return (Content as unknown as (props: object) => Html)({ components: lessonComponents(t, locale) }).__html;
}

/**
 * One lesson section as a whole HTML document, the same for every reader: prerendered at build
 * time, readable without script. The teacher's own parts (read marks, offline saving) come from
 * `/lesson.js`, which asks the server for them; the "mark as read" form posts without script too.
 */
export async function renderLessonPage(mod: CatalogModule, locale: Locale, sectionId: string): Promise<string | undefined> {
  const lesson = mod.lessons[locale];
  const index = lesson.sections.findIndex((s) => s.id === sectionId);
  const section = lesson.sections[index];
  if (!section) return undefined;
  const messages = MESSAGES[locale];
  const tr = <N extends 'nav' | 'learn' | 'lesson' | 'common' | 'offline'>(namespace: N) => createTranslator({ locale, messages, namespace });
  const [nav, learn, common, offline] = [tr('nav'), tr('learn'), tr('common'), tr('offline')];
  const body = await sectionBody(mod, locale, section.body, tr('lesson'));
  const isLast = index === lesson.sections.length - 1;
  const sections = lesson.sections
    .map(
      (s) =>
        `<li data-section="${e(s.id)}"${s.id === section.id ? ' aria-current="page"' : ''}><a href="${lessonPath(locale, mod.id, s.id)}">${e(s.title)}</a></li>`,
    )
    .join('');
  const languages = LOCALES.map(
    (l) => `<a href="${lessonPath(l, mod.id, section.id)}" lang="${l}" hreflang="${l}"${l === locale ? ' aria-current="true"' : ''}>${e(LOCALE_NAMES[l])}</a>`,
  ).join(' ');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(section.title)} · ${e(lesson.frontmatter.title)} · ${e(common('appName'))}</title><link rel="stylesheet" href="/lesson.css"><script src="/lesson.js" defer></script></head>
<body data-module="${e(mod.id)}" data-section="${e(section.id)}" data-lang="${locale}" data-read-label="${e(learn('read'))}">
<a href="#main" class="skip-link">${e(common('skipToContent'))}</a>
<header class="site-header"><a href="/" class="brand">${e(nav('brand'))}</a><nav aria-label="${e(nav('main'))}"><a href="/learn">${e(nav('myTraining'))}</a></nav>
<div class="header-tools"><a href="/respond" class="respond-link">${e(nav('respond'))}</a><nav aria-label="${e(nav('language'))}" class="lang-links">${languages}</nav></div></header>
<main id="main"><div class="lesson"><nav aria-label="${e(learn('sections'))}" class="lesson-nav"><a href="/learn/${e(mod.id)}">${e(lesson.frontmatter.title)}</a><ol>${sections}</ol>
<div class="offline-tools" data-offline-tools hidden${(['saving', 'saved', 'failed', 'offline', 'queued', 'synced'] as const).map((k) => ` data-msg-${k}="${e(offline.raw(k) as string)}"`).join('')}><p class="offline-status" role="status" aria-live="polite"></p><button type="button" class="button" data-save-offline>${e(offline('save'))}</button></div></nav>
<article><p class="eyebrow">${e(learn('sectionOf', { n: index + 1, total: lesson.sections.length }))}</p><h1>${e(section.title)}</h1><div class="prose">${body}</div>
<form method="post" action="${markReadPath(mod.id, section.id)}" class="actions" data-mark-read><input type="hidden" name="lang" value="${locale}"><input type="hidden" name="next" value="${e(pathAfterSection(mod, locale, section.id))}"><button type="submit" class="button primary">${e(isLast ? learn('markReadAndQuiz') : learn('markReadAndNext'))}</button></form></article></div></main>
<footer class="site-footer">${e(common('footer'))}</footer>
</body></html>`;
}
