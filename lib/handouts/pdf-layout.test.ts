import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TIERS } from '@/lib/content/tiers';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { overlaps, pdfBoxes } from '@/test/pdf-boxes';
import { getHandout } from './content';
import { HANDOUT_LAYOUT, renderHandoutPdf } from './pdf';
import { shortCode } from './serve';
import type { HandoutLabels, HandoutSchool } from './types';

const labels = (lang: Locale) => JSON.parse(fs.readFileSync(`messages/${lang}.json`, 'utf8')).handout as HandoutLabels;

const bare: HandoutSchool = {
  slug: 'demo',
  name: { en: 'Demo School No. 1', ru: 'Демонстрационная школа № 1', kk: '№ 1 демо мектеп' },
  address: '',
  contactPhone: '',
  contactEmail: '',
  counsellorName: '',
  counsellorContact: '',
  logo: null,
  profileVersion: 1,
};
// Everything filled in, with the longest slug a school may have.
const full: HandoutSchool = {
  ...bare,
  slug: 'secondary-school-gymnasium-named-after-abai-kunanbaiuly-no-77'.slice(0, 60),
  name: {
    en: 'Secondary School-Gymnasium No. 77 named after Abai Kunanbaiuly',
    ru: 'Средняя школа-гимназия № 77 имени Абая Кунанбаева',
    kk: 'Абай Құнанбайұлы атындағы № 77 орта мектеп-гимназиясы',
  },
  address: 'Almaty, Medeu district, Dostyk avenue 123, building 4',
  contactPhone: '+7 727 123 45 67',
  contactEmail: 'reception@school77.almaty.edu.kz',
  counsellorName: 'Aliya Bekova',
  counsellorContact: '+7 701 765 43 21',
};

const cases = [
  { school: bare, origin: 'https://teach.kko.test:8443' },
  { school: full, origin: 'https://kko-teach.edu.example.kz' },
];

describe('handout PDF layout (read back from the rendered PDF with poppler)', () => {
  for (const { school, origin } of cases) {
    for (const tier of TIERS) {
      for (const lang of LOCALES) {
        it(`${school.slug} ${tier} ${lang}: no text under the QR code or outside its box`, async () => {
          const shortUrl = `${origin.replace(/^https?:\/\//, '')}/h/${school.slug}/${shortCode(tier, lang)}`;
          const view = { school, labels: labels(lang), pageUrl: `${origin}/handouts/${school.slug}/${tier}?lang=${lang}`, shortUrl };
          const { pageWidth, pageHeight, words, images } = pdfBoxes(await renderHandoutPdf(getHandout(tier, lang), lang, view));
          const { margin, help } = HANDOUT_LAYOUT;

          // Every page carries the footer with the sources line.
          for (const page of new Set(words.map((w) => w.page))) {
            const text = words
              .filter((w) => w.page === page)
              .map((w) => w.text)
              .join(' ');
            expect(text, `sources line on page ${page}`).toContain(view.labels.sources.split(' ').slice(0, 3).join(' '));
          }
          const qr = images.find((img) => Math.abs(img.xMax - img.xMin - help.qrSize) < 1);
          expect(qr, 'the QR code image').toBeDefined();
          for (const img of images) {
            const under = words.filter((w) => overlaps(w, img));
            expect(
              under.map((w) => w.text),
              `words overlapping the image on page ${img.page}`,
            ).toEqual([]);
          }
          const outside = words.filter((w) => w.xMin < margin.left - 0.5 || w.xMax > pageWidth - margin.right + 0.5 || w.yMin < 0 || w.yMax > pageHeight - 15);
          expect(
            outside.map((w) => w.text),
            'words outside the page margins',
          ).toEqual([]);

          // The help box is the last block: from the QR code's top down to the footer.
          const inBox = words.filter((w) => w.page === qr!.page && w.yMin >= qr!.yMin - 1 && w.yMax <= pageHeight - margin.footer);
          const innerLeft = margin.left + help.inset;
          const innerRight = pageWidth - margin.right - help.inset;
          expect(
            inBox.filter((w) => w.xMin < innerLeft - 0.5 || w.xMax > innerRight + 0.5).map((w) => w.text),
            'words outside the help box',
          ).toEqual([]);
          expect(inBox.map((w) => w.text)).toContain(labels(lang).helplineTitle.split(' ')[0]);
          const link = inBox.filter((w) => w.text === shortUrl);
          expect(link, `the short link ${shortUrl} printed whole inside the help box`).toHaveLength(1);
        });
      }
    }
  }
});
