import { findingText } from '@/lib/content/finding-text';
import { getFinding } from '@/lib/content/findings';
import { describe, expect, it } from 'vitest';
import { getCatalog, getModule } from '@/lib/content/catalog';
import { LOCALES } from '@/lib/i18n/locales';
import { Fragment, jsx } from './jsx-runtime';
import { renderLessonPage } from './lesson-page';

describe('HTML JSX runtime', () => {
  it('escapes text and attributes and maps React names', () => {
    const out = jsx('a', { href: '/x?a=1&b="2"', className: 'c', children: ['<script>', jsx('br', {}), 3, false, null] }).__html;
    expect(out).toBe('<a href="/x?a=1&amp;b=&quot;2&quot;" class="c">&lt;script&gt;<br>3</a>');
  });

  it('drops event handlers, objects and odd attribute names, and refuses unknown element names', () => {
    expect(jsx('p', { onClick: 'alert(1)', style: { color: 'red' }, 'x"y': 1, hidden: true, children: 'ok' }).__html).toBe('<p hidden>ok</p>');
    expect(() => jsx('img src=x onerror=alert(1)', {})).toThrow(/Unsupported element/);
    expect(Fragment({ children: ['a', jsx('b', { children: 'c' })] }).__html).toBe('a<b>c</b>');
  });
});

describe('prerendered lesson page', () => {
  const mod = getModule('9-10-the-adult-they-tell')!;

  it('renders every section of every module in every language with its title, citations and form', async () => {
    for (const m of getCatalog()) {
      for (const lang of LOCALES) {
        for (const s of m.lessons[lang].sections) {
          const page = (await renderLessonPage(m, lang, s.id))!;
          expect(page).toContain(`<html lang="${lang}">`);
          expect(page).toContain(`action="/api/progress/${m.id}/${s.id}"`);
          // MDX components never leak through as raw tags.
          expect(page).not.toMatch(/<(Cite|Scenario|WhatToDo|Section)\b/);
        }
      }
    }
  });

  it('turns <Cite> into a popover citation with the figures, in the page language', async () => {
    const section = mod.lessons.ru.sections[0]!;
    const page = (await renderLessonPage(mod, 'ru', section.id))!;
    expect(page).toContain(`<h1>${section.title}</h1>`);
    expect(page).toMatch(/<button type="button" popovertarget="cite-1" class="cite-button" aria-label="[^"]+">/);
    // The finding in the page's language, like the React citation: its title and summary, never the English statement.
    expect(page).toContain('<span id="cite-1" popover="auto" class="cite-popover" role="note" lang="ru">');
    const finding = getFinding('method.internet-users-only')!;
    expect(page).toContain(findingText(finding, 'ru').title);
    expect(page).not.toContain(finding.statement);
    expect(page).toContain('href="/findings/method.internet-users-only"');
    expect(page).toContain('<script src="/lesson.js" defer></script>');
    // No inline script: the nonce-free CSP allows only this site's files.
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toContain('href="/lessons/kk/9-10-the-adult-they-tell/' + section.id + '"');
  });

  it('sends the last section to the quiz and knows no unknown section', async () => {
    const last = mod.lessons.en.sections.at(-1)!;
    expect(await renderLessonPage(mod, 'en', last.id)).toContain('Mark as read and go to the quiz');
    expect(await renderLessonPage(mod, 'en', 'no-such-section')).toBeUndefined();
  });
});
