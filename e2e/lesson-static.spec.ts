import { ACCOUNTS, expect, signIn, test } from './fixtures';
import { readModule } from './content';

const mod = readModule('9-10', 'risks-and-harms');
const other = readModule('13-14', 'risks-and-harms');

test.describe('without script', () => {
  test.use({ javaScriptEnabled: false });

  test('a lesson reads in full and marks sections read', async ({ page }) => {
    await signIn(page, ACCOUNTS.teacher1);
    await page.goto(`/learn/${mod.id}`);
    await page.getByRole('link', { name: /Start reading|Continue reading/ }).click();
    await expect(page).toHaveURL(new RegExp(`/lessons/en/${mod.id}/${mod.sections[0]!.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: mod.sections[0]!.title })).toBeVisible();
    await expect(page.locator('.prose p').first()).toBeVisible();
    // A citation opens its figures with no script (the popover attribute).
    await page
      .getByRole('button', { name: /^Source: / })
      .first()
      .click();
    await expect(page.locator('.cite-popover:popover-open')).toContainText('See the finding and report line');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Mark as read and continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: mod.sections[1]!.title })).toBeVisible();
    await page.goto(`/learn/${mod.id}`);
    await expect(page.locator('.section-list li[data-read="true"]').filter({ hasText: mod.sections[0]!.title })).toHaveCount(1);
  });
});

test('the prerendered lesson is the same for everyone; writing progress needs the session and the module', async ({ page, browser, axe }) => {
  const url = `/lessons/ru/${mod.id}/${mod.sections[0]!.id}`;
  await test.step('anyone may read it, with a nonce-free policy that still limits framing', async () => {
    const res = await page.request.get(url);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-security-policy']).toMatch(/script-src 'self';.*frame-ancestors 'self'/);
    expect(await res.text()).toContain('<html lang="ru">');
    expect((await page.request.get(`/lessons/de/${mod.id}/${mod.sections[0]!.id}`)).status()).toBe(404);
    expect((await page.request.get(`/lessons/en/${mod.id}/no-such-section`)).status()).toBe(404);
  });

  await test.step('an anonymous mark is sent to sign in; a cross-site one is refused', async () => {
    const anonymous = await browser.newContext();
    const res = await anonymous.request.post(`/api/progress/${mod.id}/${mod.sections[0]!.id}`, { maxRedirects: 0, form: { lang: 'en' } });
    expect(res.status()).toBe(303);
    expect(res.headers().location).toMatch(/\/signin$/);
    await anonymous.close();
    await signIn(page, ACCOUNTS.teacher1);
    const forged = await page.request.post(`/api/progress/${mod.id}/${mod.sections[0]!.id}`, {
      headers: { origin: 'https://evil.example', accept: 'application/json' },
    });
    expect(forged.status()).toBe(403);
  });

  await test.step("another tier's module or an unknown section is not marked", async () => {
    const json = { accept: 'application/json' };
    expect((await page.request.post(`/api/progress/${other.id}/${other.sections[0]!.id}`, { headers: json })).status()).toBe(404);
    expect((await page.request.post(`/api/progress/${mod.id}/no-such-section`, { headers: json })).status()).toBe(404);
    expect((await page.request.get(`/api/progress/${other.id}`)).status()).toBe(404);
    const ok = await page.request.post(`/api/progress/${mod.id}/${mod.sections[1]!.id}`, { headers: json });
    expect(await ok.json()).toEqual({ moduleId: mod.id, sectionId: mod.sections[1]!.id, read: true });
  });

  await test.step('with script, the read marks arrive as JSON and the page is accessible', async () => {
    await page.goto(`/lessons/en/${mod.id}/${mod.sections[2]!.id}`);
    await expect(page.locator(`.lesson-nav li[data-section="${mod.sections[1]!.id}"] .read-mark`)).toBeVisible();
    await axe(page);
  });
});
