import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACCOUNTS, expect, signIn, test } from './fixtures';

const TIERS = ['9-10', '11-12', '13-14', '15-17'];
const LANGS = ['kk', 'ru', 'en'] as const;
const SCHOOL = { kk: '№ 1 демо мектеп', ru: 'Демонстрационная школа № 1', en: 'Demo School No. 1' };
const title = (tier: string, lang: string) => JSON.parse(fs.readFileSync(`modules/handouts/${tier}/${lang}.json`, 'utf8')).title as string;

function pdfText(body: Buffer) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kko-pdf-')), 'h.pdf');
  fs.writeFileSync(file, body);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('every tier × language exists as phone page, print PDF and messenger card', async ({ request }) => {
  for (const tier of TIERS) {
    for (const lang of LANGS) {
      await test.step(`${tier} ${lang}`, async () => {
        const page = await request.get(`/handouts/demo/${tier}?lang=${lang}`);
        expect(page.status()).toBe(200);
        const html = await page.text();
        expect(html).toContain(`<html lang="${lang}">`);
        expect(html).toContain(SCHOOL[lang]);
        expect(html).toContain('150');
        expect(html).not.toContain('<script');

        const pdf = await request.get(`/handouts/demo/${tier}.pdf?lang=${lang}`);
        expect(pdf.headers()['content-type']).toBe('application/pdf');
        const text = pdfText(await pdf.body());
        expect(text).toContain(SCHOOL[lang]);
        expect(text.replace(/\s+/g, ' ')).toContain(title(tier, lang).replace(/\s+/g, ' '));
        if (lang === 'kk') expect(text).toMatch(/[әғқңөұүһі]/);

        const png = await request.get(`/handouts/demo/${tier}.png?lang=${lang}`);
        expect(png.headers()['content-type']).toBe('image/png');
        const bytes = await png.body();
        expect(bytes.subarray(1, 4).toString()).toBe('PNG');
        expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1080, 1350]);
      });
    }
  }
});

test('unknown school, tier or language is a clear 404, never a 500', async ({ request }) => {
  for (const url of [
    '/handouts/no-such-school/9-10',
    '/handouts/demo/8-9.pdf',
    '/handouts/demo/9-10.png?lang=de',
    '/handouts/demo/9-10.gif',
    '/handouts/demo/9-10?lang=<script>',
    '/h/demo/9xx',
  ]) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(404);
    expect(await res.text()).not.toContain('<script>');
  }
  const short = await request.get('/h/demo/3ru', { maxRedirects: 0 });
  expect(short.status()).toBe(308);
  expect(short.headers().location).toContain('/handouts/demo/13-14?lang=ru');
});

test('the admin previews, downloads and shares handouts; a profile change refreshes them', async ({ page, axe }) => {
  const before = await page.request.get('/handouts/demo/9-10.pdf?lang=en');
  const etag = before.headers().etag;
  expect((await page.request.get('/handouts/demo/9-10.pdf?lang=en', { headers: { 'if-none-match': etag! } })).status()).toBe(304);

  await signIn(page, ACCOUNTS.admin);
  await page.goto('/admin/handouts');
  await expect(page.getByRole('heading', { level: 1, name: 'Parent handouts' })).toBeVisible();
  await axe(page);
  const message = page.getByRole('textbox', { name: "Message for the parents' group, ages 13-14, Русский" });
  await expect(message).toHaveValue(/Уважаемые родители! .*\/h\/demo\/3ru/);

  const zip = await page.request.get('/api/schools/demo/handouts.zip');
  expect(zip.headers()['content-type']).toBe('application/zip');
  const body = await zip.body();
  expect(body.subarray(0, 2).toString()).toBe('PK');
  expect(body.toString('latin1')).toContain('demo-15-17-kk.pdf');

  await page.goto('/admin/profile');
  await page.getByLabel('School counsellor or safeguarding lead').fill('Aliya Bekova');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  const after = await page.request.get('/handouts/demo/9-10.pdf?lang=en');
  expect(after.headers().etag).not.toBe(etag);
  expect(pdfText(await after.body())).toContain('Aliya Bekova');
});
