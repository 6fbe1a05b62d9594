import { createTranslator } from 'next-intl';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';
import { KZ_TIME_ZONE } from '@/lib/i18n/dates';
import type { PublicQuestion } from '@/lib/quiz/attempts';
import { escapeHtml as e } from '@/lib/content/html/jsx-runtime';
import en from '@/messages/en.json';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import type { QuizIslandData } from './quiz-island';

const MESSAGES = { en, kk, ru } as const;

export const quizTranslators = (locale: Locale) => {
  const messages = MESSAGES[locale];
  const tr = <N extends 'nav' | 'common' | 'quiz' | 'quizHelp'>(namespace: N) => createTranslator({ locale, messages, namespace, timeZone: KZ_TIME_ZONE });
  return { nav: tr('nav'), common: tr('common'), quiz: tr('quiz'), help: tr('quizHelp') };
};
type T = ReturnType<typeof quizTranslators>;

/** What the quiz page shows under its heading. */
export type QuizView =
  | { kind: 'form'; attemptId: string; questions: PublicQuestion[] }
  | { kind: 'review'; sections: { id: string; title: string }[]; opensAt: Date }
  | { kind: 'start'; count: number; passMark: number; previous: { count: number; score: number } | null };

type Page = { locale: Locale; nonce: string | null; moduleId: string; moduleTitle: string; passedScore: number | null; view: QuizView; isTeacher: boolean };

/** The question form as the server sends it: inert until /quiz.js renders the same form with react-hook-form over it. */
function formHtml(t: T, view: Extract<QuizView, { kind: 'form' }>) {
  const questions = view.questions
    .map((q, i) => {
      const options = q.options
        .map(
          (o) =>
            `<label class="option"><input type="${q.type === 'multiple' ? 'checkbox' : 'radio'}" value="${e(o.id)}" name="answers.${e(q.id)}"><span>${e(o.text)}</span></label>`,
        )
        .join('');
      return `<fieldset class="question" aria-describedby="${e(q.id)}-error" aria-invalid="false"><legend><span class="q-number">${e(t.quiz('questionOf', { n: i + 1, total: view.questions.length }))}</span> ${e(q.prompt)}</legend>${
        q.scenario ? `<p class="q-scenario">${e(q.scenario)}</p>` : ''
      }${q.type === 'multiple' ? `<p class="hint">${e(t.quiz('chooseAll'))}</p>` : ''}${options}<p id="${e(q.id)}-error" class="field-error" aria-live="polite"></p></fieldset>`;
    })
    .join('');
  return `<form novalidate class="quiz" data-attempt-id="${e(view.attemptId)}" data-ready="false">${questions}<p role="alert" class="form-error"></p>
<button type="submit" class="button primary" disabled aria-describedby="quiz-not-ready">${e(t.quiz('submit'))}</button><p id="quiz-not-ready" class="hint" role="status">${e(t.help('loading'))}</p><noscript><p class="notice error">${e(t.help('noscript'))}</p></noscript></form>`;
}

function viewHtml(t: T, page: Page) {
  const { view, moduleId } = page;
  if (view.kind === 'form') return `<div id="quiz-root">${formHtml(t, view)}</div>`;
  if (view.kind === 'review') {
    const items = view.sections.map((s) => `<li><a href="/learn/${e(moduleId)}/${e(s.id)}">${e(s.title)}</a></li>`).join('');
    return view.sections.length === 0
      ? ''
      : `<section aria-labelledby="review-heading" class="review-sections" data-testid="review-sections"><h3 id="review-heading">${e(t.quiz('reviewHeading'))}</h3><ul>${items}</ul><p class="meta">${e(t.quiz('retryOpens', { time: view.opensAt }))}</p></section>`;
  }
  const previous = view.previous ? `<p>${e(t.quiz('previous', view.previous))}</p>` : '';
  return `<p class="lead">${e(t.quiz('intro', { count: view.count, passMark: view.passMark }))}</p>${previous}<form method="post" action="/learn/${e(moduleId)}/quiz"><button type="submit" class="button primary">${e(view.previous ? t.quiz('retry') : t.quiz('start'))}</button></form>`;
}

/** The header of every page, for a teacher, with forms that post to route handlers rather than server actions. */
function headerHtml(t: T, page: Page, here: string) {
  const nav = page.isTeacher
    ? `<nav aria-label="${e(t.nav('main'))}"><a href="/learn">${e(t.nav('myTraining'))}</a><a href="/learn/kits">${e(t.nav('kits'))}</a><a href="/learn/templates">${e(t.nav('templates'))}</a></nav>`
    : '';
  const languages = LOCALES.map(
    (l) => `<button type="submit" name="locale" value="${l}" lang="${l}" aria-pressed="${l === page.locale}">${e(LOCALE_NAMES[l])}</button>`,
  ).join('');
  return `<header class="site-header"><a href="/" class="brand">${e(t.nav('brand'))}</a>${nav}<div class="header-tools"><a href="/respond" class="respond-link">${e(t.nav('respond'))}</a>
<form method="post" action="/api/locale" class="lang-switch" aria-label="${e(t.nav('language'))}"><input type="hidden" name="next" value="${e(here)}">${languages}</form>
<a href="/account">${e(t.nav('account'))}</a><form method="post" action="/api/sign-out"><button type="submit" class="link-button">${e(t.nav('signOut'))}</button></form></div></header>`;
}

/**
 * The whole quiz page as HTML, with no Next client runtime: the header, the module's quiz heading
 * and either the question form (and /quiz.js with its data), the sections to reread, or the start button.
 */
export function quizPageHtml(page: Page) {
  const t = quizTranslators(page.locale);
  const here = `/learn/${page.moduleId}/quiz`;
  const nonce = page.nonce ? ` nonce="${e(page.nonce)}"` : '';
  const { quiz, quizHelp } = MESSAGES[page.locale];
  const data: QuizIslandData | null =
    page.view.kind === 'form'
      ? {
          attemptId: page.view.attemptId,
          moduleId: page.moduleId,
          questions: page.view.questions,
          locale: page.locale,
          timeZone: KZ_TIME_ZONE,
          messages: { quiz, quizHelp },
        }
      : null;
  // JSON in a non-script type never runs; `<` is escaped so no text in it can close the element.
  const script = data
    ? `<script type="application/json" id="quiz-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script><script src="/quiz.js" defer${nonce}></script>`
    : '';
  const passed = page.passedScore === null ? '' : `<p class="notice success" role="status">${e(t.quiz('alreadyPassed', { score: page.passedScore }))}</p>`;
  return `<!doctype html><html lang="${page.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(t.quiz('title'))} · ${e(t.common('appName'))}</title><meta name="description" content="${e(t.common('tagline'))}"><link rel="icon" href="/icon.svg" type="image/svg+xml"><link rel="stylesheet" href="/app.css">${script}</head>
<body><a href="#main" class="skip-link">${e(t.common('skipToContent'))}</a>${headerHtml(t, page, here)}
<main id="main"><div class="narrow-wide"><p class="eyebrow"><a href="/learn/${e(page.moduleId)}">${e(page.moduleTitle)}</a></p><h1>${e(t.quiz('title'))}</h1>${passed}${viewHtml(t, page)}</div></main>
<footer class="site-footer">${e(t.common('footer'))}</footer></body></html>`;
}
