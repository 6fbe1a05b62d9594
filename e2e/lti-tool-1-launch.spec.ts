import { ACCOUNTS, expect, openPage, signIn, test } from './fixtures';
import { addPlatform, BASE, LEARNER, lti, MODULE, openLaunch, useJourneyPlatform } from './lti-journey';

const lms = useJourneyPlatform({ register: false });

test.describe.serial('LTI 1.3 tool: the tool registered from the command line, its keys, and launches into the module and the dashboard', () => {
  test('the operator registers the platform from the command line, with validation', async () => {
    const bad = await addPlatform(lms(), 'kko-tool', { issuer: 'ftp://nope' });
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('--issuer');
    expect(bad.out).toContain('--deploymentIds');
    const ok = await addPlatform(lms(), 'kko-tool', { deployment: 'dep-1' });
    expect(ok.out).toContain('Registered');
    expect(ok.code).toBe(0);
    const list = await lti('list', '--school', 'demo');
    expect(list.out).toContain('client=kko-tool  deployments=dep-1');
  });

  test('the tool publishes its keys', async ({ request }) => {
    const jwks = await (await request.get('/lti/jwks')).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0].kid).toBeTruthy();
    expect(jwks.keys[0].d).toBeUndefined();
  });

  test('a launch signs the teacher in and opens the module in the launch language', async ({ page, browser }) => {
    const result = await lms().launchInto(`${BASE}/lti/login`, {
      roles: [LEARNER],
      locale: 'ru',
      custom: { module: MODULE },
      user: { sub: 'lms-user-1', name: 'Асель Нурланова', email: 'asel@lms.kz' },
    });
    expect(result.stage).toBe('launch');
    expect(result.status).toBe(303);
    expect(result.location).toContain('/lti/session?ticket=');
    // A browser that did not make the launch (a copied or logged ticket URL) gets nothing, and does not burn the ticket.
    const stranger = await openPage(browser);
    expect((await stranger.goto(result.location!))!.status()).toBe(401);
    await stranger.close();
    await openLaunch(page, result);
    await expect(page).toHaveURL(new RegExp(`/learn/${MODULE}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The ticket works once.
    const again = await page.request.get(result.location!);
    expect(again.status()).toBe(401);
  });

  test('the roster syncs: course members who never launched count as expected teachers', async ({ browser }) => {
    const admin = await openPage(browser);
    await signIn(admin, ACCOUNTS.admin);
    await expect
      .poll(
        async () => {
          await admin.goto('/admin');
          return admin.getByRole('rowgroup').getByText('Gulzhan Never-Launched').count();
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    await admin.close();
  });

  test('a launch inside the course page iframe opens the module in the frame', async ({ page }) => {
    await page.goto(lms().coursePageUrl({ roles: [LEARNER], locale: 'en', custom: { module: MODULE }, user: { sub: 'lms-user-1', name: 'Асель Нурланова' } }));
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 });
    await expect(frame.getByRole('link', { name: 'Start reading' }).or(frame.getByRole('link', { name: 'Continue reading' }))).toBeVisible();
    // Only this site and the registered platforms may frame the tool.
    const csp = (await page.request.get(`${BASE}/lti/jwks`)).headers()['content-security-policy']!;
    expect(csp).toContain(`frame-ancestors 'self' ${new URL(lms().registrationFor('kko-tool').issuer).origin}`);
    expect((await page.request.get(`${BASE}/signin`, { maxRedirects: 0 })).headers()['x-frame-options']).toBe('SAMEORIGIN');
  });

  test("an LMS administrator's launch opens the school dashboard inside the course frame", async ({ page }) => {
    await page.goto(
      lms().coursePageUrl({
        roles: ['http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator'],
        locale: 'en',
        user: { sub: 'lms-admin-1', name: 'Moodle Admin' },
      }),
    );
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('heading', { level: 1, name: 'School completion' })).toBeVisible({ timeout: 15_000 });
    const csp = (await page.request.get(`${BASE}/admin`, { maxRedirects: 0 })).headers()['content-security-policy']!;
    expect(csp).toContain(`frame-ancestors 'self' ${new URL(lms().registrationFor('kko-tool').issuer).origin}`);
  });
});
