import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TIERS, type Tier } from '@/lib/content/tiers';
import { getHandout, plainText } from '@/lib/handouts/content';
import type { HandoutLabels, HandoutSchool } from '@/lib/handouts/types';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { pdfText } from '@/test/pdf-text';
import { pdfWorkerCount } from './config';
import { closePdfPool, pdfRenderThreads, renderPdf } from './pool';

const labels = (lang: Locale) => JSON.parse(fs.readFileSync(`messages/${lang}.json`, 'utf8')).handout as HandoutLabels;
const school: HandoutSchool = {
  slug: 'school-77',
  name: { kk: 'Абай Құнанбайұлы атындағы № 77 мектеп-гимназиясы', ru: 'Школа-гимназия № 77 имени Абая', en: 'Abai School-Gymnasium No. 77' },
  address: 'Almaty, Dostyk 123',
  contactPhone: '+7 727 123 45 67',
  contactEmail: 'reception@school77.kz',
  counsellorName: 'Әлия Бекова',
  counsellorContact: '+7 701 765 43 21',
  logo: null,
  profileVersion: 1,
};
const all = TIERS.flatMap((tier) => LOCALES.map((lang) => ({ tier, lang })));

function job(tier: Tier, lang: Locale) {
  const view = {
    school,
    labels: labels(lang),
    pageUrl: `https://teach.kko.test/handouts/${school.slug}/${tier}?lang=${lang}`,
    shortUrl: 'teach.kko.test/h/x/1kk',
  };
  return { kind: 'handout' as const, args: [getHandout(tier, lang), lang, view] as [ReturnType<typeof getHandout>, Locale, typeof view] };
}

/** Every glyph made it: the title, each key message, the school and Helpline 150 read back as text. */
function expectWholeText(body: Buffer, tier: Tier, lang: Locale) {
  const { flat } = pdfText(body, `${tier}-${lang}.pdf`);
  const h = getHandout(tier, lang);
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  expect(flat, `${tier} ${lang}`).toContain(norm(h.title));
  for (const m of h.keyMessages) expect(flat, `${tier} ${lang}`).toContain(norm(plainText(m)));
  expect(flat).toContain(norm(school.name[lang]));
  expect(flat).toContain('150');
  if (lang === 'kk') for (const ch of ['Қ', 'ә', 'ө', 'ұ']) expect(flat, `${tier} kk`).toContain(ch);
  if (lang === 'ru') expect(flat).toMatch(/[Ж-Яж-я]/);
}

describe('PDF render pool', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-workers.mjs']);
  });
  afterEach(async () => {
    delete process.env.PDF_WORKERS;
    await closePdfPool();
  });

  it('renders 12 handouts one after another on one worker (one font instance), every glyph intact', async () => {
    process.env.PDF_WORKERS = '1';
    expect(pdfRenderThreads()).toBe(1);
    for (const { tier, lang } of all) expectWholeText(await renderPdf(job(tier, lang)), tier, lang);
  });

  it('renders 12 handouts at once across two workers, every glyph intact', async () => {
    process.env.PDF_WORKERS = '2';
    expect(pdfRenderThreads()).toBe(2);
    const bodies = await Promise.all(all.map(({ tier, lang }) => renderPdf(job(tier, lang))));
    bodies.forEach((body, i) => expectWholeText(body, all[i]!.tier, all[i]!.lang));
  });

  it('renders on the main thread when PDF_WORKERS=0', async () => {
    process.env.PDF_WORKERS = '0';
    expect(pdfRenderThreads()).toBe(0);
    expectWholeText(await renderPdf(job('13-14', 'kk')), '13-14', 'kk');
  });

  it('takes PDF_WORKERS from the checked environment', () => {
    process.env.PDF_WORKERS = '3';
    expect(pdfWorkerCount()).toBe(3);
  });
});
