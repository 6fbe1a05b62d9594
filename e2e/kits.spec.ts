import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACCOUNTS, expect, openPage, signIn, test } from './fixtures';

function pdfText(body: Buffer) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kko-kit-')), 'k.pdf');
  fs.writeFileSync(file, body);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('a teacher opens a kit from a module, reads it and downloads the worksheet', async ({ page, axe }) => {
  await signIn(page, ACCOUNTS.teacher1);
  await test.step('the module page links its classroom kits', async () => {
    await page.goto('/learn/9-10-the-adult-they-tell');
    const kits = page.getByRole('region', { name: 'Take it to your class' });
    await expect(kits).toBeVisible();
    await axe(page);
    await kits.getByRole('link', { name: 'Who can I tell? My circle of helpers' }).click();
  });
  await test.step('the kit shows objectives, a timed plan, cited prompts and the worksheet', async () => {
    await expect(page).toHaveURL(/\/learn\/kits\/9-10-who-can-i-tell$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Who can I tell? My circle of helpers' })).toBeVisible();
    await expect(page.getByText('In all: 40 minutes')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Source: Who children tell when something upsets them' }).first()).toBeVisible();
    await axe(page);
  });
  await test.step('the worksheet PDF carries the school and the tasks in the chosen language', async () => {
    const link = page.getByRole('link', { name: 'Worksheet PDF (Русский)' });
    const res = await page.request.get((await link.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const text = pdfText(await res.body());
    expect(text).toContain('Демонстрационная школа № 1');
    expect(text).toContain('Мой круг помощников');
    expect(text).toContain('150');
  });
  await test.step('all kits, and the school templates, are in the menu', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Classroom kits' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Children aged 15-17' })).toBeVisible();
    await expect(page.locator('li[data-kit]')).toHaveCount(8);
    await axe(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'School templates' })).toBeVisible();
    await axe(page);
    const res = await page.request.get('/api/schools/demo/templates/incident-log.pdf?lang=kk');
    expect(res.status()).toBe(200);
    expect(pdfText(await res.body())).toContain('№ 1 демо мектеп');
    expect((await page.request.get('/admin/templates')).status()).toBe(404);
    expect((await page.goto('/learn/kits/9-10-no-such-kit'))?.status()).toBe(404);
    expect((await page.request.get('/learn/kits/9-10-no-such-kit/worksheet.pdf?lang=en')).status()).toBe(404);
    expect((await page.request.get('/learn/kits/9-10-who-can-i-tell/worksheet.pdf?lang=de')).status()).toBe(404);
  });
});

test('a school admin downloads templates filled with the school; nobody else gets them', async ({ page, browser, axe }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto('/admin');
  await page.getByRole('navigation', { name: 'School administration' }).getByRole('link', { name: 'Templates' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'School templates' })).toBeVisible();
  await axe(page);
  const link = page.getByRole('link', { name: "Referral form: a concern about a pupil's online safety: PDF, Қазақша" });
  const res = await page.request.get((await link.getAttribute('href'))!);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(await res.body());
  expect(text).toContain('№ 1 демо мектеп');
  expect(text).toContain('Жолдама');
  for (const n of ['150', '102', '112']) expect(text).toContain(n);

  expect((await page.request.get('/api/schools/other-school/templates/referral-form.pdf?lang=en')).status()).toBe(404);
  expect((await page.request.get('/api/schools/demo/templates/no-such.pdf?lang=en')).status()).toBe(404);
  expect((await page.request.get('/api/schools/demo/templates/referral-form.pdf?lang=de')).status()).toBe(404);
  const stranger = await openPage(browser);
  expect((await stranger.request.get('/api/schools/demo/templates/referral-form.pdf?lang=en')).status()).toBe(401);
  const worksheet = await stranger.request.get('/learn/kits/9-10-who-can-i-tell/worksheet.pdf?lang=en', { maxRedirects: 0 });
  expect([307, 308, 401]).toContain(worksheet.status());
  await stranger.close();
});
