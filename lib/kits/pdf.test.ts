import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plainText } from '@/lib/handouts/content';
import { LOCALES } from '@/lib/i18n/locales';
import { pdfText } from '@/test/pdf-text';
import { getKits } from './content';
import { renderWorksheetPdf, type WorksheetLabels } from './pdf';

const SCHOOL = { kk: '№ 1 демо мектеп', ru: 'Демонстрационная школа № 1', en: 'Demo School No. 1' };
const labels = (lang: string) => JSON.parse(fs.readFileSync(`messages/${lang}.json`, 'utf8')).kits.pdf as WorksheetLabels;
const flat = (s: string) => plainText(s).replace(/\s+/g, ' ');

describe('worksheet PDFs', () => {
  const kits = [...getKits().values()];

  it('exist for at least two kits per tier', () => {
    for (const tier of ['9-10', '11-12', '13-14', '15-17']) expect(kits.filter((k) => k.tier === tier).length, tier).toBeGreaterThanOrEqual(2);
  });

  for (const kit of kits) {
    it(`${kit.id} prints on one A4 page in kk, ru and en with the school's name, the tasks and Helpline 150`, async () => {
      for (const lang of LOCALES) {
        const ws = kit.versions[lang].worksheet;
        const out = pdfText(await renderWorksheetPdf(kit.versions[lang], lang, SCHOOL[lang], labels(lang)), `${kit.id}-${lang}.pdf`);
        expect(out.pages, `${kit.id} ${lang} pages`).toBe(1);
        expect(out.flat).toContain(SCHOOL[lang]);
        expect(out.flat).toContain(flat(ws.title));
        for (const task of ws.tasks) expect(out.flat).toContain(flat(task.prompt).slice(0, 40));
        expect(out.flat).toContain('150');
        expect(out.flat).toContain(labels(lang).footer.slice(0, 30));
        expect(out.flat).not.toContain('<Cite');
        expect(out.fonts).not.toMatch(/Helvetica/);
        if (lang === 'kk') expect(out.text).toMatch(/[әғқңөұүһі]/);
      }
    });
  }
});
