import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, signIn, test, openPage } from './fixtures';
import { answerQuiz, readModule } from './content';

const mod = readModule('9-10', 'living-online');
const NEW_TEACHER = 'teacher3@demo.school';
const PASSWORD = 'a-long-password-3';
const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
// As the pages show it: a calendar day in the page's language ("29 Dec 2026"), never ISO.
const futureShown = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${future}T00:00:00Z`));

test('a school runs its training cycle: invite, assign, complete, track, export, certify', async ({ page, browser, axe }) => {
  // One long journey through a whole school cycle: many pages, each checked with axe.
  test.setTimeout(150_000);
  await signIn(page, ACCOUNTS.admin);

  await test.step('the admin edits the school profile, with clear errors for bad input', async () => {
    await page.getByRole('link', { name: 'School profile' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'School profile' })).toBeVisible();
    await axe(page);
    await page.getByLabel('School name in English').fill('');
    await page.getByLabel('Contact phone').fill('call me maybe');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('This field is required.')).toBeVisible();
    await expect(page.getByText('Enter a phone number with digits')).toBeVisible();
    await page.getByLabel('School name in English').fill('Demo School No. 1');
    await page.getByLabel('Contact phone').fill('+7 727 000 00 00');
    await page.getByLabel('School counsellor or safeguarding lead').fill('Saule Omarova');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Profile saved.')).toBeVisible();
  });

  let link = '';
  await test.step('the admin invites a teacher and gets a one-time link', async () => {
    await page.getByRole('link', { name: 'People' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    await axe(page);
    await page.getByLabel('Email').fill(NEW_TEACHER);
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    await expect(page.getByText('Choose at least one age group.')).toBeVisible();
    await page.getByRole('form', { name: 'Invite someone' }).getByLabel('9-10').check();
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    link = (await page.locator('code.copyable').textContent())!;
    expect(link).toMatch(/\/join\/[A-Za-z0-9_-]{20,}$/);
  });

  await test.step('the teacher accepts the invitation', async () => {
    const teacher = await openPage(browser);
    await teacher.goto(link);
    await expect(teacher.getByText(`as ${NEW_TEACHER}`)).toBeVisible();
    await axe(teacher);
    await teacher.getByLabel('Your full name').fill('Dina Zhaksylykova');
    await teacher.getByLabel('Password').fill('short');
    await teacher.getByRole('button', { name: 'Create account' }).click();
    await expect(teacher.getByText('Use at least 10 characters.')).toBeVisible();
    await teacher.getByLabel('Password').fill(PASSWORD);
    await teacher.getByRole('button', { name: 'Create account' }).click();
    await teacher.waitForURL(/\/signin/);
    // The same answer whether or not the address already had an account (nothing is revealed).
    await expect(teacher.getByRole('status')).toContainText('If this email address was new, your account is ready');
    // The link works once.
    await teacher.goto(link);
    await expect(teacher.getByText('This invitation link is not valid')).toBeVisible();
    await teacher.close();
  });

  await test.step('the admin assigns a module to the tier with a due date', async () => {
    await page.getByRole('link', { name: 'Assignments' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Assignments' })).toBeVisible();
    await axe(page);
    await page.getByLabel('Module', { exact: true }).selectOption(mod.id);
    await page.getByLabel('Assign to').selectOption('tier:9-10');
    await page.getByLabel('Due date').fill('2020-01-01');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(page.getByText('The due date cannot be in the past.')).toBeVisible();
    await page.getByLabel('Due date').fill(future);
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(page.getByText('Assigned.')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('row', { name: new RegExp(mod.title) })).toContainText(futureShown);
  });

  let certificate = '';
  let joined: Page | undefined;
  await test.step('the new teacher sees the due date, passes and gets a certificate', async () => {
    const teacher = await openPage(browser);
    await signIn(teacher, NEW_TEACHER, PASSWORD);
    const card = teacher.getByRole('listitem').filter({ has: teacher.getByRole('link', { name: mod.title }) });
    await expect(card.getByText(`Due ${futureShown}`)).toBeVisible();
    await teacher.goto(`/learn/${mod.id}/quiz`);
    await teacher.getByRole('button', { name: 'Start the quiz' }).click();
    await answerQuiz(teacher, mod.questions, true);
    await teacher.getByRole('button', { name: 'Submit answers' }).click();
    await teacher.getByRole('link', { name: 'View your certificate' }).click();
    await expect(teacher.getByRole('heading', { name: 'This certificate is genuine' })).toBeVisible();
    await expect(teacher.getByText('Dina Zhaksylykova')).toBeVisible();
    await expect(teacher.getByText(mod.title)).toBeVisible();
    certificate = teacher.url();
    await axe(teacher);
    await teacher.close();
  });

  await test.step('anyone can verify the certificate and download its PDF', async () => {
    const visitor = await browser.newContext();
    const res = await visitor.request.get(`${certificate}/pdf?lang=kk`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await visitor.request.get(certificate.replace(/KKO-[^/]+$/, 'KKO-2222-2222-2222'))).status()).toBe(404);
    await visitor.close();
  });

  await test.step('the dashboard and its CSV show it, with filters', async () => {
    await page.goto('/admin');
    const row = page.locator(`tr[data-teacher="${NEW_TEACHER}"]`);
    await expect(row.locator('td.st-completed')).toHaveCount(1);
    await page.getByLabel('Status').selectOption('completed');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/status=completed/);
    // Only teachers with a completed module are listed.
    await expect(row).toBeVisible();
    await expect(page.locator('tr[data-teacher]').filter({ hasNot: page.locator('td.st-completed') })).toHaveCount(0);
    await axe(page);
    const csv = await page.request.get('/api/schools/demo/completion.csv?status=completed');
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = (await csv.body()).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('"Dina Zhaksylykova","teacher3@demo.school","9-10"');
    expect(text).not.toContain('Not started');
  });

  await test.step('the audit log records the admin actions', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.locator('tr[data-action="invite.created"]').first()).toBeVisible();
    await expect(page.locator('tr[data-action="assignment.set"]').first()).toBeVisible();
    await expect(page.locator('tr[data-action="profile.updated"]').first()).toBeVisible();
    await axe(page);
  });

  await test.step('a teacher joins with the school code; a replaced code stops working', async () => {
    await page.getByRole('link', { name: 'People' }).click();
    // Another journey (e2e/outbox.spec.ts) may have made a code already.
    await page.getByRole('button', { name: /Create a join code|Replace the join code/ }).click();
    await page.waitForURL(/\/admin\/people\?saved=1$/);
    const code = (await page.getByTestId('join-code').textContent())!.trim();
    const joiner = await openPage(browser);
    await joiner.goto('/join');
    await axe(joiner);
    await joiner.getByLabel('School join code').fill('ZZZZ-ZZZZ');
    await joiner.getByLabel('Your full name').fill('Marat Iskakov');
    await joiner.getByLabel('Email').fill('teacher4@demo.school');
    await joiner.getByLabel('Password').fill(PASSWORD);
    await joiner.getByLabel('13-14').check();
    await joiner.getByRole('button', { name: 'Create account' }).click();
    await expect(joiner.getByText('This code is not valid.')).toBeVisible();
    await joiner.getByLabel('School join code').fill(code.toLowerCase());
    await joiner.getByRole('button', { name: 'Create account' }).click();
    // The same answer whether or not the address had an account; a new account works once its
    // address is confirmed: no mail server listens here, so the admin hands the link over.
    await joiner.waitForURL(/\/signin\?joined=1$/);
    await expect(joiner.getByRole('status')).toContainText('If this email address was new');
    await page.getByRole('link', { name: 'Outbox' }).click();
    const confirmLink = (await page.locator('li[data-recipient="teacher4@demo.school"] code.copyable').textContent())!;
    await joiner.goto(confirmLink);
    await joiner.getByRole('button', { name: 'Confirm my address' }).click();
    await joiner.waitForURL(/\/signin\?confirmed=1$/);
    await signIn(joiner, 'teacher4@demo.school', PASSWORD);
    await joiner.waitForURL(/\/learn$/);
    await expect(joiner.getByRole('heading', { name: 'Children aged 13-14' })).toBeVisible();
    joined = joiner;
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Replace the join code' }).click();
    await expect(page.getByTestId('join-code')).not.toHaveText(code);
  });

  await test.step('the admin deactivates a teacher, who can then no longer sign in', async () => {
    await page.getByRole('button', { name: 'Deactivate Marat Iskakov' }).click();
    await expect(page.locator('tr[data-email="teacher4@demo.school"]')).toContainText('Deactivated');
    // The session the teacher already had ends at once, not when its cookie expires.
    await joined!.goto('/learn');
    await expect(joined!).toHaveURL(/\/signin$/);
    await joined!.close();
    const gone = await openPage(browser);
    await gone.goto('/signin');
    await gone.getByLabel('Email').fill('teacher4@demo.school');
    await gone.getByLabel('Password').fill(PASSWORD);
    await gone.getByRole('button', { name: 'Sign in' }).click();
    await expect(gone.getByRole('main').getByRole('alert')).toHaveText('Your account is not linked to an active school. Ask your school admin.');
    await gone.close();
  });
});
