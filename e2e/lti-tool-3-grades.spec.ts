import { ACCOUNTS, expect, openPage, signIn, test } from './fixtures';
import { BASE, LEARNER, MODULE, openLaunch, serveLocally, useJourneyPlatform } from './lti-journey';

const lms = useJourneyPlatform();

test.describe.serial('LTI 1.3 tool: scores reach the gradebook once, never off the LMS hosts; the admin sees their status', () => {
  test('a passed quiz reaches the LMS gradebook exactly once, even through an outage', async ({ page }) => {
    lms().setScoreMode('unavailable');
    const result = await lms().launchInto(`${BASE}/lti/login`, {
      roles: [LEARNER],
      locale: 'en',
      custom: { module: MODULE },
      user: { sub: 'lms-user-2', name: 'Dias Omarov' },
    });
    await openLaunch(page, result);
    await page.goto(`/learn/${MODULE}/quiz`);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    const { answerQuiz, readModule } = await import('./content');
    const mod = readModule('11-12', 'risks-and-harms');
    await answerQuiz(page, mod.questions, true);
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect(page.getByRole('heading', { name: /Passed/ })).toBeVisible();
    // The LMS is down: the score waits in the outbox and is retried.
    await expect.poll(() => lms().scoreRequests, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(lms().scores.filter((s) => s.score.userId === 'lms-user-2')).toHaveLength(0);
    lms().setScoreMode('accept');
    await expect.poll(() => lms().scores.filter((s) => s.score.userId === 'lms-user-2').length, { timeout: 40_000 }).toBe(1);
    const score = lms().scores.find((s) => s.score.userId === 'lms-user-2')!.score;
    expect(score).toMatchObject({ scoreGiven: 100, scoreMaximum: 100, activityProgress: 'Completed', gradingProgress: 'FullyGraded' });
    await page.waitForTimeout(3000);
    expect(lms().scores.filter((s) => s.score.userId === 'lms-user-2')).toHaveLength(1);
  });

  test("a score for a line item off the LMS's hosts is never sent; the admin sees why, not what answered", async ({ browser, page }) => {
    const secret = await serveLocally((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('SECRET-ADMIN-PAGE'));
    try {
      const lineitem = `${secret.origin}/secret-admin/lineitems/1/lineitem`;
      const ags = { scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/score'], lineitem };
      const result = await lms().launchInto(`${BASE}/lti/login`, {
        roles: [LEARNER],
        locale: 'en',
        custom: { module: MODULE },
        user: { sub: 'lms-user-3', name: 'Gulzhan Never-Launched' },
        forge: { claims: { 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': ags } },
      });
      expect(result.status).toBe(303);
      await openLaunch(page, result);
      await page.goto(`/learn/${MODULE}/quiz`);
      await page.getByRole('button', { name: 'Start the quiz' }).click();
      const { answerQuiz, readModule } = await import('./content');
      await answerQuiz(page, readModule('11-12', 'risks-and-harms').questions, true);
      await page.getByRole('button', { name: 'Submit answers' }).click();
      await expect(page.getByRole('heading', { name: /Passed/ })).toBeVisible();

      const admin = await openPage(browser);
      await signIn(admin, ACCOUNTS.admin);
      const row = admin.locator('tr[data-sync="failed"]').filter({ hasText: 'Gulzhan Never-Launched' });
      await expect
        .poll(
          async () => {
            await admin.goto('/admin/lms');
            return row.count();
          },
          { timeout: 20_000 },
        )
        .toBe(1);
      await expect(row).toContainText(`${new URL(secret.origin).host} is not a host of this LMS registration`);
      await expect(admin.getByText('SECRET-ADMIN-PAGE')).toHaveCount(0);
      expect(secret.requests).toEqual([]);
      await admin.close();
    } finally {
      await secret.stop();
    }
  });

  test("the school admin sees the connected LMS and each score's sync status", async ({ browser, axe }) => {
    const admin = await openPage(browser);
    await signIn(admin, ACCOUNTS.admin);
    await admin.goto('/admin/lms');
    await expect(admin.getByRole('heading', { level: 1, name: 'LMS connection' })).toBeVisible();
    await expect(admin.getByRole('cell', { name: 'kko-tool' })).toBeVisible();
    await expect(admin.locator('tr[data-sync="sent"]').filter({ hasText: 'Dias Omarov' })).toBeVisible();
    // The roster synced at the first launch: the platform's row says when and how many people.
    await expect(admin.getByRole('row').filter({ hasText: 'kko-tool' }).locator('[data-roster="ok"]')).toContainText('3 people');
    await admin.getByRole('button', { name: 'Create a registration address' }).click();
    await expect(admin.getByTestId('registration-url')).toContainText('/lti/register?bind=');
    await admin.getByLabel('Issuer (platform ID)').fill('http://evil.example');
    await admin.getByRole('button', { name: 'Add platform' }).click();
    await expect(admin.getByText('Enter an https:// address.')).toBeVisible();
    await expect(admin.getByText('Enter at least one deployment ID.')).toBeVisible();
    await axe(admin);
    await admin.close();
  });
});
