import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { bombPng } from '../test/png-bomb';
import { ACCOUNTS, expect, signIn, test } from './fixtures';

const storedLogo = async (page: Page) => page.getByRole('img', { name: 'Logo preview' }).getAttribute('src');

test('a logo upload: a decompression bomb is refused and nothing is stored; a normal logo is stored re-encoded and small', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto('/admin/profile');
  const file = page.getByLabel(/^Logo/);
  const save = page.getByRole('button', { name: 'Save profile' });

  await test.step('a 7000 × 7000 PNG of a few dozen kilobytes', async () => {
    await file.setInputFiles({ name: 'bomb.png', mimeType: 'image/png', buffer: bombPng(7000) });
    await save.click();
    await expect(page.getByText('The logo must be at most 2000 × 2000 pixels.')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('img', { name: 'Logo preview' })).toHaveCount(0);
  });

  await test.step('a 1600 × 900 JPEG photo', async () => {
    const pixels = Buffer.alloc(1600 * 900 * 3);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (Math.floor(i / 3) % 1600) / 7 + (i % 3) * 30;
    const jpeg = await sharp(pixels, { raw: { width: 1600, height: 900, channels: 3 } })
      .jpeg({ quality: 90 })
      .toBuffer();
    await file.setInputFiles({ name: 'logo.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await save.click();
    await expect(page.getByText('Profile saved.')).toBeVisible();
    await page.reload();
    const src = await storedLogo(page);
    expect(src).toMatch(/^data:image\/png;base64,/);
    const stored = Buffer.from(src!.split(',')[1]!, 'base64');
    const meta = await sharp(stored).metadata();
    expect([meta.width, meta.height]).toEqual([512, 288]);
    expect(stored.length).toBeLessThan(jpeg.length);
    expect((await page.request.get('/handouts/demo/11-12.pdf?lang=ru')).status()).toBe(200);
  });

  await test.step('the logo is removed again', async () => {
    await page.getByRole('button', { name: 'Remove the logo' }).click();
    await save.click();
    await expect(page.getByText('Profile saved.')).toBeVisible();
  });
});
