import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { getHandout } from './content';
import { renderHandoutHtml } from './html';
import type { HandoutLabels } from './types';

const labels = (lang: Locale) => JSON.parse(fs.readFileSync(`messages/${lang}.json`, 'utf8')).handout as HandoutLabels;
const school = {
  slug: 'demo',
  name: { en: 'Demo School No. 1', ru: 'Демонстрационная школа № 1', kk: '№ 1 демо мектеп' },
  address: '',
  contactPhone: '+7 (727) 123-45-67',
  contactEmail: '',
  counsellorName: '',
  counsellorContact: '',
  logo: null,
  profileVersion: 1,
};

describe('handout phone page', () => {
  for (const lang of LOCALES) {
    it(`${lang}: Helpline 150 and the school phone are tap-to-call links`, () => {
      const html = renderHandoutHtml(getHandout('9-10', lang), lang, {
        school,
        labels: labels(lang),
        pageUrl: 'https://x/handouts/demo/9-10',
        shortUrl: 'x/h/demo/1kk',
      });
      expect(html).toContain(`<a href="tel:150">${labels(lang).helplineTitle}</a>`);
      expect(html).toContain('href="tel:+77271234567"');
      expect(html).not.toContain('<script');
    });
  }
});
