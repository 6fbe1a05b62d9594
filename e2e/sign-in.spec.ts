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

  // After three failures the same client waits 1 s, 2 s, 4 s … before its next try is checked.
  let alert = '';
  for (let i = 0; i < 10 && !alert.startsWith('Too many'); i++) {
    await trySignIn(page, 'guesser@demo.school', `guess-${i}`);
    await expect(formAlert(page)).not.toBeEmpty();
    alert = (await formAlert(page).textContent()) ?? '';
    if (i < 3) expect(alert).toBe('The email or password is not right. Check them and try again.');
  }
  expect(alert).toMatch(/^Too many failed attempts\. Wait \d+ seconds? and try again\.$/);
  await axe(page);
});
