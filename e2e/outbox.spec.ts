import { ACCOUNTS, expect, formAlert, openPage, signIn, test, trySignIn } from './fixtures';

// No SMTP server listens during this spec (the e2e server's SMTP_URL points at a closed port), so
// mail waits in the Outbox exactly as in a school without a mail server: the admin hands it over.
const JOINER = 'joins-by-code@demo.school';
const PASSWORD = 'joiner-password-42';

test('joining by code waits for the confirmation link, which the admin hands over from the Outbox', async ({ browser, axe }) => {
  const admin = await openPage(browser);
  await signIn(admin, ACCOUNTS.admin);

  let code = '';
  await test.step('the admin has a join code', async () => {
    await admin.goto('/admin/people');
    const existing = admin.getByTestId('join-code');
    if (!(await existing.isVisible())) await admin.getByRole('button', { name: 'Create a join code' }).click();
    code = (await admin.getByTestId('join-code').textContent())!.trim();
  });

  const joiner = await openPage(browser);
  await test.step('a teacher joins with the code and is asked to confirm the address', async () => {
    await joiner.goto('/join');
    await joiner.getByLabel('School join code').fill(code);
    await joiner.getByLabel('Your full name').fill('Saule Nurpeisova');
    await joiner.getByLabel('Email').fill(JOINER);
    await joiner.getByLabel('Password').fill(PASSWORD);
    await joiner.getByLabel('9-10').check();
    await joiner.getByRole('button', { name: 'Create account' }).click();
    // The same answer as for an address that already has an account; the mail waits in the Outbox.
    await expect(joiner).toHaveURL(/\/signin\?joined=1$/);
    await expect(joiner.getByRole('status')).toContainText('first open the confirmation link');
    await axe(joiner);
  });

  await test.step('an unconfirmed account cannot sign in, and is told why', async () => {
    await trySignIn(joiner, JOINER, PASSWORD);
    await expect(formAlert(joiner)).toContainText('Confirm your e-mail address first');
  });

  let link = '';
  await test.step('the Outbox shows the waiting message with its link and messenger share links', async () => {
    await admin.getByRole('link', { name: 'Outbox' }).click();
    await expect(admin).toHaveURL(/\/admin\/outbox$/);
    const item = admin.locator(`li[data-recipient="${JOINER}"]`);
    await expect(item).toContainText('Address confirmation');
    await expect(item).toContainText('Waiting to be sent');
    // The sender keeps trying the unreachable server and says so, plainly.
    await expect(async () => {
      await admin.reload();
      await expect(item).toContainText('Last error: Could not reach the mail server.');
    }).toPass({ timeout: 15_000 });
    link = (await item.locator('code.copyable').textContent())!;
    expect(link).toMatch(/\/confirm\/[A-Za-z0-9_-]{32,}$/);
    const whatsapp = await item.getByRole('link', { name: 'Share via WhatsApp' }).getAttribute('href');
    expect(new URL(whatsapp!).searchParams.get('text')).toContain(link);
    const telegram = await item.getByRole('link', { name: 'Share via Telegram' }).getAttribute('href');
    expect(new URL(telegram!).searchParams.get('url')).toBe(link);
    await axe(admin);
  });

  await test.step('the admin marks it handed over; it leaves the queue and its link is no longer shown', async () => {
    const item = admin.locator(`li[data-recipient="${JOINER}"]`);
    await item.getByRole('button', { name: 'Mark as handed over' }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'Marked as handed over.' })).toBeVisible();
    await expect(item).toContainText('Handed over by hand');
    await expect(item.locator('code.copyable')).toHaveCount(0);
  });

  await test.step('the teacher confirms with the link once, then signs in', async () => {
    await joiner.goto(link);
    await axe(joiner);
    await joiner.getByRole('button', { name: 'Confirm my address' }).click();
    await expect(joiner).toHaveURL(/\/signin\?confirmed=1$/);
    await expect(joiner.getByText('Your address is confirmed.')).toBeVisible();
    await signIn(joiner, JOINER, PASSWORD);
    await expect(joiner).toHaveURL(/\/learn$/);
    await joiner.goto(link);
    await expect(formAlert(joiner)).toContainText('expired or was already used');
  });

  await test.step('the admin sends a teacher a reset link; it waits in the Outbox', async () => {
    await admin.goto('/admin/people');
    // By e-mail: an LMS launch may have added another person with the same name.
    await admin.locator('tr[data-email="teacher1@demo.school"]').getByRole('button', { name: 'Send Aigerim Sadykova a password reset link' }).click();
    await expect(admin.getByText('The reset link is on its way')).toBeVisible();
    await admin.goto('/admin/outbox');
    const item = admin.locator(`li[data-recipient="${ACCOUNTS.teacher1}"]`).first();
    await expect(item).toContainText('Password reset');
    await expect(item.locator('code.copyable')).toContainText('/reset/');
    await item.getByRole('button', { name: 'Mark as handed over' }).click();
    await expect(item).toContainText('Handed over by hand');
  });

  await test.step('a teacher has neither the Outbox nor the reset button', async () => {
    const response = await joiner.goto('/admin/outbox');
    expect(response?.status()).toBe(404);
  });
  await joiner.context().close();
  await admin.context().close();
});
