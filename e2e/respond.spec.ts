import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { expect, test } from './fixtures';

const LANGS = ['kk', 'ru', 'en'] as const;
const SITUATIONS = ['cyberbullying', 'unwanted-contact', 'intimate-images', 'self-harm', 'harmful-content', 'scams'];
const messages = (lang: string) => JSON.parse(fs.readFileSync(`messages/${lang}.json`, 'utf8'));
const guideTitle = (s: string, lang: string) =>
  (parseYaml(/^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(`modules/respond/${s}.${lang}.mdx`, 'utf8'))![1]!) as { title: string }).title;
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-respond-'));

test('the guide is public in kk, ru and en, and reachable from the header in two taps', async ({ page, axe }) => {
  for (const lang of LANGS) {
    await test.step(`list in ${lang}`, async () => {
      await page.goto(`/respond?lang=${lang}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1, name: messages(lang).respond.title })).toBeVisible();
      for (const s of SITUATIONS)
        await expect(page.getByRole('link', { name: new RegExp(guideTitle(s, lang).slice(0, 20).replace(/[()?]/g, '.')) })).toBeVisible();
      await axe(page);
    });
  }
  await test.step('header link → situation, from the sign-in page', async () => {
    await page.goto('/signin');
    await page.getByRole('link', { name: messages('en').nav.respond }).click();
    await expect(page).toHaveURL(/\/respond$/);
    await page.getByRole('link', { name: /Self-harm or suicidal thoughts/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: guideTitle('self-harm', 'en') })).toBeVisible();
    await expect(page.getByText(/Ask directly and calmly/)).toBeVisible();
  });
});

test('every situation page in every language: five sections, referral numbers, sources, axe clean', async ({ page, axe }) => {
  for (const s of SITUATIONS) {
    for (const lang of LANGS) {
      await test.step(`${s} ${lang}`, async () => {
        const res = await page.goto(`/respond/${s}?lang=${lang}`);
        expect(res?.status()).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.getByRole('heading', { level: 1, name: guideTitle(s, lang) })).toBeVisible();
        await expect(page.locator('.guide-section')).toHaveCount(5);
        const refer = await page.locator('.guide-refer').innerText();
        for (const n of ['150', '102', '112']) expect(refer, `${s} ${lang} refers to ${n}`).toContain(n);
        await expect(page.getByRole('heading', { level: 2, name: messages(lang).respond.sources })).toBeVisible();
        await axe(page);
      });
    }
  }
});

test('each situation prints on exactly one A4 page, in every language', async ({ page }) => {
  for (const s of SITUATIONS) {
    for (const lang of LANGS) {
      await test.step(`${s} ${lang}`, async () => {
        await page.goto(`/respond/${s}?lang=${lang}`);
        const file = path.join(outDir, `${s}.${lang}.pdf`);
        await page.pdf({ path: file, format: 'A4', printBackground: true });
        const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1];
        expect(pages, `${s} ${lang} prints on one page (${file})`).toBe('1');
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
        expect(text).toContain(guideTitle(s, lang).replace(/\s+/g, ' '));
        expect(text).not.toContain(messages(lang).respond.print);
        if (lang === 'kk') expect(text).toMatch(/[әғқңөұүһі]/);
      });
    }
  }
});

test('language: ?lang wins for that page only; bad values fall back; unknown situations are 404', async ({ page, request }) => {
  await page.goto('/respond?lang=en');
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'ru', url: page.url() }]);
  await page.goto('/respond');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await page.goto('/respond?lang=kk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await page.goto('/respond/scams');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  const bad = await request.get('/respond?lang=de');
  expect(bad.status()).toBe(200);
  expect(await bad.text()).toContain('<html lang="en"');
  for (const url of ['/respond/no-such-thing', '/respond/..%2Fadmin', '/respond/scams%3Cscript%3E']) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(404);
  }
});
