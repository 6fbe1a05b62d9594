import fs from 'node:fs';
import { ACCOUNTS, expect, signIn, test, openPage } from './fixtures';

const messages = (lang: string) => JSON.parse(fs.readFileSync(`messages/${lang}.json`, 'utf8'));
const ru = messages('ru');
const kk = messages('kk');

test('the interface switches language and remembers it for the user', async ({ page, browser, axe }) => {
  await signIn(page, ACCOUNTS.teacher2);
  await expect(page.getByRole('heading', { level: 1, name: 'My training' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await test.step('switches to Russian', async () => {
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect(page.getByRole('heading', { level: 1, name: ru.learn.title })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByRole('button', { name: 'Русский' })).toHaveAttribute('aria-pressed', 'true');
    await axe(page);
  });

  await test.step('a new browser session opens in Russian after signing in', async () => {
    const fresh = await openPage(browser);
    await signIn(fresh, ACCOUNTS.teacher2);
    await expect(fresh.getByRole('heading', { level: 1, name: ru.learn.title })).toBeVisible();
    await fresh.close();
  });

  await test.step('switches to Kazakh, lessons included', async () => {
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await expect(page.getByRole('heading', { level: 1, name: kk.learn.title })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    const title = /^title:\s*(.+)$/m.exec(fs.readFileSync('modules/13-14/living-online/kk.mdx', 'utf8'))![1]!.replace(/^["']|["']$/g, '');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await axe(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My training' })).toBeVisible();
  });
});
