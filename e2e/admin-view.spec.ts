import { ACCOUNTS, expect, signIn, test, openPage } from './fixtures';
import { answerQuiz, readModule } from './content';

const mod = readModule('13-14', 'living-online');

test('the school admin sees completion per tier, module and teacher', async ({ browser, page, axe }) => {
  await test.step('a teacher passes a module', async () => {
    const teacher = await openPage(browser);
    await signIn(teacher, ACCOUNTS.teacher2);
    await teacher.goto(`/learn/${mod.id}/quiz`);
    await teacher.getByRole('button', { name: 'Start the quiz' }).click();
    await answerQuiz(teacher, mod.questions, true);
    await teacher.getByRole('button', { name: 'Submit answers' }).click();
    await expect(teacher.getByRole('heading', { name: /Passed/ })).toBeVisible();
    await teacher.close();
  });

  await test.step('the admin signs in and lands on the completion view', async () => {
    await signIn(page, ACCOUNTS.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { level: 1, name: 'School completion' })).toBeVisible();
    await expect(page.getByText('Demo School No. 1')).toBeVisible();
    await axe(page);
  });

  await test.step('per teacher: one row with a mark per module, the details on the teacher page', async () => {
    const row = page.locator(`tr[data-teacher="${ACCOUNTS.teacher2}"]`);
    await expect(row).toHaveCount(1);
    await expect(row.locator('td.st-completed').first()).toHaveText('Completed');
    await expect(page.getByRole('navigation', { name: 'Pages of teachers' })).toContainText(/Teachers 1–\d+ of \d+/);
    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const detail = page.locator(`tr[data-module="${mod.id}"]`);
    await expect(detail.getByText('Completed')).toBeVisible();
    await expect(detail.locator('td').nth(3)).toHaveText('1');
    await expect(detail.locator('td').nth(4)).toHaveText('100');
    await expect(detail.getByRole('link', { name: 'View the certificate' })).toHaveAttribute('href', /^\/certificates\/KKO-/);
    await axe(page);
    await page.getByRole('link', { name: 'Back to school completion' }).click();
  });

  await test.step('pagination: a page past the end shows the last page, a malformed page the first', async () => {
    for (const q of ['?page=abc', '?page=999999', '?page=-3', '?status=completed&page=2']) {
      const res = await page.goto(`/admin${q}`);
      expect(res?.status(), q).toBe(200);
      await expect(page.locator(`tr[data-teacher="${ACCOUNTS.teacher2}"]`), q).toHaveCount(1);
    }
    await expect(page.getByLabel('Status')).toHaveValue('completed');
  });

  await test.step('per module and per tier', async () => {
    const byModule = page.getByRole('region', { name: 'By module' });
    await expect(byModule.getByRole('row', { name: new RegExp(mod.title) })).toContainText('1 of 1 (100%)');
    const byTier = page.getByRole('region', { name: 'By age group' });
    const tierRow = byTier.getByRole('row', { name: /^13-14/ });
    await expect(tierRow).toContainText(/1 of \d+ \(\d+%\)/);
  });
});

test('admin pages are closed to visitors who are not signed in', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/signin$/);
  const res = await page.request.get('/api/attempts/00000000-0000-0000-0000-000000000000');
  expect(res.status()).toBe(405);
});
