import { findingText, sampleSizes } from '@/lib/content/finding-text';
import { getFinding } from '@/lib/content/findings';
import type { Locale } from '@/lib/i18n/locales';
import { html, jsx, renderChildren, type Component, type Html } from './jsx-runtime';

/** The `lesson` namespace's translator. */
export type Translate = (key: 'base' | 'citeLabel' | 'citeShort' | 'seeSource' | 'scenario' | 'whatToDo', values?: Record<string, string | number>) => string;

/** The lesson's MDX components as HTML: the same markup and classes as `app/_components/lesson/*`. */
export function lessonComponents(t: Translate, locale: Locale): Record<string, Component> {
  let popovers = 0;
  const Cite: Component = ({ id }) => {
    const finding = typeof id === 'string' ? getFinding(id) : undefined;
    if (!finding) return html('');
    const popoverId = `cite-${++popovers}`;
    const text = findingText(finding, locale);
    const bases = sampleSizes(finding);
    // `popovertarget` opens the figures without any script.
    return jsx('span', {
      className: 'cite',
      children: [
        jsx('button', {
          type: 'button',
          popovertarget: popoverId,
          className: 'cite-button',
          'aria-label': t('citeLabel', { title: text.title }),
          children: t('citeShort'),
        }),
        jsx('span', {
          id: popoverId,
          popover: 'auto',
          className: 'cite-popover',
          role: 'note',
          lang: text.lang,
          children: [
            jsx('strong', { children: text.title }),
            jsx('span', { children: text.summary }),
            ...(bases.length > 0 ? [jsx('span', { className: 'cite-figures', children: `${t('base')}: ${bases.join(', ')}` })] : []),
            jsx('a', { href: `/findings/${encodeURIComponent(finding.id)}`, children: t('seeSource', { line: finding.source.line }) }),
          ],
        }),
      ],
    });
  };
  const Scenario: Component = ({ title, children }) =>
    jsx('aside', {
      className: 'scenario',
      'aria-label': `${t('scenario')}: ${String(title)}`,
      children: [jsx('p', { className: 'eyebrow', children: t('scenario') }), jsx('h3', { children: String(title) }), html(renderChildren(children))],
    });
  const WhatToDo: Component = ({ children }) =>
    jsx('div', { className: 'what-to-do', children: [jsx('h3', { children: t('whatToDo') }), html(renderChildren(children))] });
  return { Cite, Scenario, WhatToDo };
}

export type { Html };
