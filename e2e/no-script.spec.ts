import type { Page, Request } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, expect, formAlert, signIn, test } from './fixtures';

// A phone that has not hydrated the page yet behaves like a browser without script.
test.use({ javaScriptEnabled: false });

/** Every request the browser makes, so a test can show no secret ever went into an address. */
function recordRequests(page: Page) {
  const seen: Request[] = [];
  page.on('request', (r) => seen.push(r));
  return seen;
}

function expectNoSecretInAddresses(seen: Request[], secrets: string[]) {
  for (const r of seen) {
    expect(r.url(), `${r.method()} ${r.url()}`).not.toMatch(/password=/i);
    for (const secret of secrets) expect(r.url()).not.toContain(encodeURIComponent(secret));
  }
}

// axe needs script, so these pages are checked for accessibility by the specs that run with it.
test('sign-in works without script, by POST, and no password reaches an address', async ({ page }) => {
  const seen = recordRequests(page);
  await test.step('a wrong password is answered on the page, keeping the email', async () => {
    await page.goto('/signin');
    await page.getByLabel('Email').fill(ACCOUNTS.teacher2);
    await page.getByLabel('Password').fill('not-the-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(formAlert(page)).toHaveText('The email or password is not right. Check them and try again.');
    await expect(page.getByLabel('Email')).toHaveValue(ACCOUNTS.teacher2);
    await expect(page.getByLabel('Password')).toHaveValue('');
    expect(page.url()).not.toContain('?');
  });

  await test.step('field errors come from the server', async () => {
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter a valid email address, like name@school.kz.')).toBeVisible();
    await expect(page.getByText('Enter your password.')).toBeVisible();
  });

  await test.step('the right password signs in and opens the training', async () => {
    await page.getByLabel('Email').fill(ACCOUNTS.teacher2);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/learn$/);
    await expect(page.getByRole('heading', { name: 'Children aged 13-14' })).toBeVisible();
  });

  const posts = seen.filter((r) => r.isNavigationRequest() && new URL(r.url()).pathname === '/signin' && r.method() === 'POST');
  expect(posts.length).toBe(3);
  expect(seen.some((r) => r.method() === 'GET' && new URL(r.url()).search.includes('email='))).toBe(false);
  expectNoSecretInAddresses(seen, ['not-the-password-1', DEMO_PASSWORD]);
});

test('joining with a code works without script and answers the same whether or not the address has an account', async ({ page, browser }) => {
  const admin = await (await browser.newContext({ locale: 'en-US', javaScriptEnabled: true })).newPage();
  await signIn(admin, ACCOUNTS.admin);
  await admin.goto('/admin/people');
  await admin.getByRole('button', { name: /^(Create a join code|Replace the join code)$/ }).click();
  await expect(admin.getByTestId('join-code')).not.toBeEmpty();
  const code = (await admin.getByTestId('join-code').textContent())!.trim();
  await admin.close();

  const seen = recordRequests(page);
  async function join(email: string, password: string) {
    await page.goto('/join');
    await page.getByLabel('School join code').fill(code);
    await page.getByLabel('Your full name').fill('Ерлан Сапаров');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('9-10').check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/signin\?joined=1$/);
    return (await page.getByRole('status').textContent())?.trim();
  }

  const existing = await join(ACCOUNTS.teacher1, 'someone-elses-guess');
  const fresh = await join('nojs.teacher@demo.school', 'a-long-password-nojs');
  expect(existing).toContain('If this email address was new, your account is ready');
  expect(fresh).toBe(existing);

  await test.step('a refused code is a field error on the re-sent form, which keeps what was typed', async () => {
    await page.goto('/join');
    await page.getByLabel('School join code').fill('ZZZZ-ZZZZ');
    await page.getByLabel('Your full name').fill('Ерлан Сапаров');
    await page.getByLabel('Email').fill('another@demo.school');
    await page.getByLabel('Password').fill('a-long-password-nojs');
    await page.getByLabel('9-10').check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('This code is not valid.')).toBeVisible();
    await expect(page.getByLabel('Your full name')).toHaveValue('Ерлан Сапаров');
    await expect(page.getByLabel('9-10')).toBeChecked();
  });

  await test.step('a name with a bidi override is refused', async () => {
    await page.getByLabel('School join code').fill(code);
    await page.getByLabel('Your full name').fill('Admin\u202Enimda');
    await page.getByLabel('Password').fill('a-long-password-nojs');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Remove the invisible control characters from this text.')).toBeVisible();
  });

  await test.step('the new account exists but waits for its confirmation link before it signs in', async () => {
    await page.goto('/signin');
    await page.getByLabel('Email').fill('nojs.teacher@demo.school');
    await page.getByLabel('Password').fill('a-long-password-nojs');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Confirm your e-mail address first')).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);
  });
  expectNoSecretInAddresses(seen, ['someone-elses-guess', 'a-long-password-nojs']);
});

test('accepting an invitation works without script', async ({ page, browser }) => {
  const admin = await (await browser.newContext({ locale: 'en-US', javaScriptEnabled: true })).newPage();
  await signIn(admin, ACCOUNTS.admin);
  await admin.goto('/admin/people');
  const invite = admin.getByRole('form', { name: 'Invite someone' });
  await invite.getByLabel('Email').fill('nojs.invited@demo.school');
  await invite.getByLabel('9-10').check();
  await admin.getByRole('button', { name: 'Create invitation link' }).click();
  const link = (await admin.locator('code.copyable').textContent())!;
  await admin.close();

  const seen = recordRequests(page);
  await page.goto(link);
  await page.getByLabel('Your full name').fill('Дина\u2066x\u2069');
  await page.getByLabel('Password').fill('a-long-password-invite');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Remove the invisible control characters from this text.')).toBeVisible();
  await page.getByLabel('Your full name').fill('Дина Жақсылықова');
  await page.getByLabel('Password').fill('a-long-password-invite');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/signin\?joined=1$/);
  await page.getByLabel('Email').fill('nojs.invited@demo.school');
  await page.getByLabel('Password').fill('a-long-password-invite');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/learn$/);
  expectNoSecretInAddresses(seen, ['a-long-password-invite']);
});
