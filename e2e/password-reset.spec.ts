import { startSmtpServer } from '../test/smtp';
import { e2eSmtpPort } from './smtp-port.mjs';
import { ACCOUNTS, DEMO_PASSWORD, expect, formAlert, openPage, signIn, test, trySignIn } from './fixtures';

const NEW_PASSWORD = 'a-brand-new-password-7';
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

// A real SMTP server on the port the e2e web server mails to (scripts/e2e-server.mjs).
test.beforeAll(async () => {
  smtp = await startSmtpServer({ port: e2eSmtpPort(process.env.E2E_PORT ?? 3100) });
});
test.afterAll(async () => smtp?.close());

test('password reset by e-mail through a real SMTP server ends the old sessions', async ({ browser, axe, baseURL }) => {
  const email = ACCOUNTS.teacher2;
  const old = await openPage(browser);
  await signIn(old, email);
  await expect(old).toHaveURL(/\/learn$/);

  const page = await openPage(browser);
  let answerForKnown = '';
  await test.step('/forgot answers the same for a known and an unknown address', async () => {
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page).toHaveURL(/\/forgot$/);
    await axe(page);
    await page.getByLabel('Email').fill('not-an-address');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.getByText('Enter a valid email address')).toBeVisible();
    await page.getByLabel('Email').fill('nobody-here@demo.school');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    const answerForUnknown = (await page.getByRole('main').getByRole('status').textContent())!;
    await page.goto('/forgot');
    await page.getByLabel('Email').fill(email.toUpperCase());
    await page.getByRole('button', { name: 'Send me a link' }).click();
    answerForKnown = (await page.getByRole('main').getByRole('status').textContent())!;
    expect(answerForKnown).toBe(answerForUnknown);
    expect(answerForKnown).toContain('works for one hour');
  });

  let link = '';
  await test.step('the mail arrives in plain text and HTML with a link on the public address', async () => {
    const mail = await smtp.waitFor(email, (m) => /reset your password/.test(m.subject ?? ''), 20_000);
    link = mail.text!.match(/https?:\/\/\S+\/reset\/[A-Za-z0-9_-]+/)![0];
    expect(link.startsWith(`${baseURL}/reset/`)).toBe(true);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.from?.text).toContain('no-reply@kko.test');
    expect(smtp.received.some((m) => m.envelopeTo.includes('nobody-here@demo.school'))).toBe(false);
  });

  await test.step('the link sets a new password once', async () => {
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Set a new password' })).toBeVisible();
    await axe(page);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill('something-else-123');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(page.getByText('The two passwords are not the same.')).toBeVisible();
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText('Your new password is saved');
    await page.goto(link);
    await expect(formAlert(page)).toContainText('This link has expired or was already used.');
  });

  await test.step('the session signed in before the reset has ended', async () => {
    await old.goto('/learn');
    await expect(old).toHaveURL(/\/signin$/);
  });

  await test.step('the old password no longer works, the new one does', async () => {
    await trySignIn(page, email, DEMO_PASSWORD);
    await expect(formAlert(page)).toContainText('The email or password is not right');
    await signIn(page, email, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/learn$/);
  });

  await test.step('the account page changes the password back, keeping this session and ending the others', async () => {
    await signIn(old, email, NEW_PASSWORD);
    await page.getByRole('link', { name: 'My account' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await axe(page);
    await page.getByLabel('Current password').fill('wrong-password-000');
    await page.getByLabel('New password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel('New password again').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('This is not your current password.')).toBeVisible();
    await page.getByLabel('Current password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Your password is changed.')).toBeVisible();
    await page.goto('/learn');
    await expect(page).toHaveURL(/\/learn$/);
    await old.goto('/learn');
    await expect(old).toHaveURL(/\/signin$/);
  });

  await test.step('the account page keeps name and notification choices', async () => {
    await page.goto('/account');
    await page.getByLabel('Send me optional e-mails').uncheck();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Send me optional e-mails')).not.toBeChecked();
    await page.getByLabel('Send me optional e-mails').check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
  });
  await old.context().close();
  await page.context().close();
});
