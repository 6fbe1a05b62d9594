import { ACCOUNTS, expect, formAlert, test, trySignIn } from './fixtures';

test('the health check names the embedded database', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', db: 'pglite' });
});

test('sign-in explains what is wrong and limits guessing', async ({ page, axe }) => {
  await page.goto('/signin');
  await axe(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your email address.')).toBeVisible();
  await expect(page.getByText('Enter your password.')).toBeVisible();

  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill('x');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter a valid email address, like name@school.kz.')).toBeVisible();

  await trySignIn(page, ACCOUNTS.teacher1, 'wrong-password');
  await expect(formAlert(page)).toHaveText('The email or password is not right. Check them and try again.');
  await expect(page).toHaveURL(/\/signin$/);

  // Five failures for one account within 15 minutes lock it for the rest of the window.
  for (let i = 0; i < 5; i++) {
    await trySignIn(page, 'guesser@demo.school', `guess-${i}`);
    await expect(formAlert(page)).toHaveText('The email or password is not right. Check them and try again.');
  }
  await trySignIn(page, 'guesser@demo.school', 'guess-5');
  await expect(formAlert(page)).toHaveText('Too many failed attempts. Wait 15 minutes and try again.');
  await axe(page);
});
