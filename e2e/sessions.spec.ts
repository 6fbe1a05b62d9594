import { ACCOUNTS, expect, openPage, signIn, test } from './fixtures';

test('signing out ends the session at once, even for a copy of its cookie', async ({ browser }) => {
  const page = await openPage(browser);
  await signIn(page, ACCOUNTS.teacher1);
  await expect(page).toHaveURL(/\/learn$/);
  const copied = await page.context().cookies();
  const thief = await browser.newContext({ locale: 'en-US' });
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto('/learn');
  await expect(stolen).toHaveURL(/\/learn$/);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await stolen.goto('/learn');
  await expect(stolen).toHaveURL(/\/signin$/);
  await thief.close();
  await page.context().close();
});
