import { describe, expect, it } from 'vitest';
import { aboutLanguageOrder, renderAboutHtml } from './about';

const headingsOf = (html: string) => [...html.matchAll(/<section lang="(\w+)"><h2>([^<]+)<\/h2>/g)].map((m) => m[1]);

describe('renderAboutHtml', () => {
  it('puts the visitor language first, in the html lang, the intro and the module lists', () => {
    const kk = renderAboutHtml('kk');
    expect(kk).toContain('<html lang="kk">');
    expect(kk).toContain('150 сенім телефонына');
    expect(headingsOf(kk)).toEqual(['kk', 'ru', 'en']);
    const ru = renderAboutHtml('ru');
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('телефон доверия 150');
    expect(ru).not.toContain("Children's online safety training");
    expect(headingsOf(ru)).toEqual(['ru', 'kk', 'en']);
    expect(headingsOf(renderAboutHtml('en'))).toEqual(['en', 'kk', 'ru']);
  });

  it('links to the other two languages, not to itself, and defaults to Kazakh', () => {
    const ru = renderAboutHtml('ru');
    expect(ru).toContain('href="/about/kk"');
    expect(ru).toContain('href="/about/en"');
    expect(ru).not.toContain('href="/about/ru"');
    expect(renderAboutHtml()).toBe(renderAboutHtml('kk'));
  });

  it('orders the languages without losing or repeating one', () => {
    expect(aboutLanguageOrder('en')).toEqual(['en', 'kk', 'ru']);
    expect(aboutLanguageOrder('kk')).toEqual(['kk', 'ru', 'en']);
  });
});
