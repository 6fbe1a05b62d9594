import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, signIn, test } from './fixtures';
import { readModule } from './content';

type Texts = Record<string, { title: string; summary?: string }>;
const json = <T>(file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const statements = new Map(json<{ id: string; statement: string }[]>('modules/evidence/findings.json').map((f) => [f.id, f.statement]));
const texts = { kk: json<Texts>('modules/evidence/findings.kk.json'), ru: json<Texts>('modules/evidence/findings.ru.json') };
const messages = {
  kk: json<Record<string, Record<string, unknown>>>('messages/kk.json'),
  ru: json<Record<string, Record<string, unknown>>>('messages/ru.json'),
};
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

async function useLanguage(page: Page, lang: string, baseURL: string | undefined) {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: lang, url: baseURL! }]);
}

for (const lang of ['kk', 'ru'] as const) {
  test(`a finding page reads in ${lang}, with no English statement and the id only as a reference`, async ({ page, axe, baseURL }) => {
    const id = 'help-seeking.upset-who-told';
    await useLanguage(page, lang, baseURL);
    await page.goto(`/findings/${id}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts[lang][id]!.title);
    await expect(page.getByText(texts[lang][id]!.summary!)).toBeVisible();
    await expect(page.locator('main')).not.toContainText(statements.get(id)!);
    await expect(page.getByRole('heading', { level: 1 })).not.toContainText(id);
    await axe(page);
  });

  test(`a citation popover in a lesson reads in ${lang}`, async ({ page, axe, baseURL }) => {
    const mod = readModule('9-10', 'the-adult-they-tell', lang);
    await signIn(page, ACCOUNTS.teacher1);
    await useLanguage(page, lang, baseURL);
    await page.goto(`/learn/${mod.id}/${mod.sections[0]!.id}`);
    await expect(page.getByRole('heading', { level: 1, name: mod.sections[0]!.title })).toBeVisible();
    const citeLabel = (messages[lang].lesson!.citeLabel as string).replace('{title}', '');
    const cite = page.getByRole('button', { name: new RegExp(`^${citeLabel}`) }).first();
    await cite.click();
    const popover = page.locator('.cite-popover:popover-open');
    await expect(popover).toBeVisible();
    const href = await popover.getByRole('link').getAttribute('href');
    const id = decodeURIComponent(href!.replace('/findings/', ''));
    await expect(popover).toHaveAttribute('lang', lang);
    await expect(popover).toContainText(texts[lang][id]!.title);
    await expect(popover).toContainText(texts[lang][id]!.summary!);
    await expect(popover).not.toContainText(statements.get(id)!);
    await expect(popover).not.toContainText(id);
    await axe(page);
  });
}

test('the audit log names people, age groups and actions in the page language, without ids', async ({ page, axe, baseURL }) => {
  const ru = messages.ru;
  await signIn(page, ACCOUNTS.admin);
  await useLanguage(page, 'ru', baseURL);
  await test.step('the admin saves a teacher’s age groups', async () => {
    await page.goto('/admin/people');
    await page
      .locator('tr[data-email="teacher1@demo.school"]')
      .getByRole('button', { name: ru.people!.saveTiers as string })
      .click();
    await expect(page.getByText(ru.people!.saved as string)).toBeVisible();
  });
  await test.step('the log shows the change in words', async () => {
    await page.goto('/admin/audit');
    const row = page.locator('tr[data-action="member.tiers_changed"]').first();
    await expect(row).toContainText((ru.audit!.actions as Record<string, string>).member_tiers_changed!);
    await expect(row).toContainText('Aigerim Sadykova');
    await expect(row).toContainText('дети 9-10 лет, дети 11-12 лет');
    const table = await page.locator('table').innerText();
    expect(table).not.toMatch(UUID);
    expect(table).not.toContain('{"');
    expect(table).not.toMatch(/\b(member|invite|assignment|profile)\.[a-z_]+\b/);
    await axe(page);
  });
});

test('/about answers in the visitor language, first by ?lang=, then the language cookie, and stays static', async ({ request, playwright, baseURL }) => {
  for (const [url, headers, lang] of [
    ['/about?lang=ru', {}, 'ru'],
    ['/about', { cookie: 'NEXT_LOCALE=kk' }, 'kk'],
    ['/about', { 'accept-language': 'ru-RU,ru;q=0.9' }, 'ru'],
    ['/about/en', {}, 'en'],
  ] as const) {
    const res = await request.get(url, { headers });
    expect(res.status(), url).toBe(200);
    const html = await res.text();
    expect(html, url).toContain(`<html lang="${lang}">`);
    expect(/<section lang="(\w+)">/.exec(html)?.[1], url).toBe(lang);
    expect(html).not.toMatch(/<script/i);
    expect(res.headers()['content-security-policy']).toContain("script-src 'self'");
  }
  // Without any language hint the page is Kazakh, the default language.
  const bare = await playwright.request.newContext({ baseURL, extraHTTPHeaders: {} });
  const html = await (await bare.get('/about', { headers: { 'accept-language': '' } })).text();
  expect(html).toContain('<html lang="kk">');
  await bare.dispose();
  expect((await request.get('/about/de')).status()).toBe(404);
});
