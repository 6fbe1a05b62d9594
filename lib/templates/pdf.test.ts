import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { pdfText } from '@/test/pdf-text';
import { getTemplate, TEMPLATE_IDS } from './content';
import { BLANK, fill, placeholderValues, unknownPlaceholders, type TemplateSchool } from './fill';
import { renderTemplatePdf, type TemplateLabels } from './pdf';

const labels = (lang: string) => JSON.parse(fs.readFileSync(`messages/${lang}.json`, 'utf8')).templates.pdf as TemplateLabels;
const school: TemplateSchool = {
  slug: 'north',
  name: { kk: 'Солтүстік мектебі', ru: 'Северная школа', en: 'North School' },
  address: 'Astana, Abai avenue 10',
  contactPhone: '+7 7172 000000',
  contactEmail: 'office@north.school',
  counsellorName: 'Aliya Bekova',
  counsellorContact: 'room 12',
};
const MAX_PAGES: Record<string, number> = { 'incident-log': 1, 'referral-form': 2, 'letter-to-parents': 2, 'device-policy': 2 };

describe('template fill', () => {
  it('puts the profile in and prints a blank for what the school has not filled in', () => {
    const values = placeholderValues({ ...school, counsellorName: ' ', contactPhone: '' }, 'ru');
    expect(fill('{school}: {counsellor}, {phone}', values)).toBe(`Северная школа: ${BLANK}, ${BLANK}`);
    expect(fill('{unknown} stays', values)).toBe('{unknown} stays');
    expect(unknownPlaceholders('{school} {schoolName} {phone}')).toEqual(['schoolName']);
  });
});

describe('template PDFs', () => {
  for (const id of TEMPLATE_IDS) {
    it(`${id} prints in kk, ru and en with the school's name, its contacts and the national numbers`, async () => {
      for (const lang of LOCALES) {
        const t = getTemplate(id, lang);
        const out = pdfText(await renderTemplatePdf(t, lang, school, labels(lang)), `${id}-${lang}.pdf`);
        expect(out.pages, `${id} ${lang} pages`).toBeLessThanOrEqual(MAX_PAGES[id]!);
        expect(out.flat).toContain(school.name[lang]);
        expect(out.flat).toContain(t.title.slice(0, 30));
        for (const n of ['150', '102', '112']) expect(out.flat, `${id} ${lang} ${n}`).toContain(n);
        if (t.blocks.some((b) => b.kind === 'contacts')) {
          expect(out.flat).toContain('Aliya Bekova');
          expect(out.flat).toContain('office@north.school');
        }
        expect(out.fonts).not.toMatch(/Helvetica/);
        if (lang === 'kk') expect(out.text).toMatch(/[әғқңөұүһі]/);
      }
    });
  }

  it('leaves blanks, never invented contacts, when the profile is empty', async () => {
    const empty = { ...school, address: '', contactPhone: '', contactEmail: '', counsellorName: '', counsellorContact: '' };
    const out = pdfText(await renderTemplatePdf(getTemplate('referral-form', 'en'), 'en', empty, labels('en')), 'referral-empty.pdf');
    expect(out.flat).toContain('North School');
    expect(out.flat).not.toContain('Aliya Bekova');
    expect(out.flat).toMatch(/Phone: _{10,}/);
    expect(out.flat).not.toMatch(/\{[a-zA-Z]+\}/);
  });
});
