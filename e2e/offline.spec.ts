import { ACCOUNTS, expect, signIn, test } from './fixtures';
import { answerQuiz, readModule } from './content';

const mod = readModule('15-17', 'the-adult-they-tell');
const lesson = (i: number) => `/lessons/en/${mod.id}/${mod.sections[i]!.id}`;

test('a saved module reads offline; marks and quiz answers made offline reach the server when back online', async ({ page, context, axe }) => {
  await test.step('signs in, in English, and saves the training for offline', async () => {
    await signIn(page, ACCOUNTS.teacher2);
    const english = page.getByRole('button', { name: 'English' });
    if ((await english.getAttribute('aria-pressed')) !== 'true') await english.click();
    await page.goto(lesson(0));
    await expect(page.getByRole('heading', { level: 1, name: mod.sections[0]!.title })).toBeVisible();
    await page.getByRole('button', { name: 'Save for offline' }).click();
    await expect(page.getByRole('status')).toContainText(/Saved on this device: \d+ pages/, { timeout: 45_000 });
    await axe(page);
  });

  await test.step('with no connection, opens a saved lesson and marks a section read', async () => {
    await context.setOffline(true);
    await page.goto(lesson(1));
    await expect(page.getByRole('heading', { level: 1, name: mod.sections[1]!.title })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(/You are offline/);
    await page.getByRole('button', { name: 'Mark as read and continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: mod.sections[2]!.title })).toBeVisible();
    // The mark shows at once from the device, though the server has not heard of it yet.
    await expect(page.locator(`.lesson-nav li[data-section="${mod.sections[1]!.id}"] .read-mark`)).toBeVisible();
  });

  await test.step('the incident guide opens offline too', async () => {
    await page.goto('/respond?lang=en');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  await test.step('answers the quiz offline: the answers wait on the device', async () => {
    await page.goto(`/learn/${mod.id}/quiz`);
    await answerQuiz(page, mod.questions, true);
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your answers are kept on this device' })).toBeVisible();
  });

  await test.step('back online, the server scores the answers and records the mark', async () => {
    await context.setOffline(false);
    // The quiz page reloads once the service worker has sent what it kept.
    await expect(page.getByText(/You have passed this module with \d+%/)).toBeVisible({ timeout: 30_000 });
    await page.goto(`/learn/${mod.id}`);
    await expect(page.locator('.section-list li[data-read="true"]').filter({ hasText: mod.sections[1]!.title })).toHaveCount(1);
  });

  await test.step('signing out leaves nothing personal on the device', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await expect.poll(() => page.evaluate(async () => (await (await caches.open('kko-personal-v1')).keys()).length)).toBe(0);
    await context.setOffline(true);
    // The public lesson stays readable; the personal quiz page does not.
    await page.goto(lesson(0));
    await expect(page.getByRole('heading', { level: 1, name: mod.sections[0]!.title })).toBeVisible();
    expect(await page.goto(`/learn/${mod.id}/quiz`).catch(() => null)).toBeNull();
    await context.setOffline(false);
  });
});
