import { ACCOUNTS, expect, openPage, signIn, test } from './fixtures';
import { addPlatform, BASE, LEARNER, lti, MODULE, useJourneyPlatform } from './lti-journey';

const lms = useJourneyPlatform();

test.describe.serial('LTI 1.3 tool: roster failures are retried; deployments and redirect URIs as Canvas needs them', () => {
  test('a roster sync that fails is shown on the LMS page and retried until the LMS is back', async ({ browser }) => {
    lms().setMembershipsUp(false);
    const course = { id: 'staff-course-2', label: 'STAFF-102', title: 'Second staff course' };
    const r = await lms().launchInto(`${BASE}/lti/login`, {
      roles: [LEARNER],
      context: course,
      custom: { module: MODULE },
      user: { sub: 'lms-user-2', name: 'Dias Omarov' },
    });
    expect(r.status).toBe(303);
    const admin = await openPage(browser);
    await signIn(admin, ACCOUNTS.admin);
    const roster = admin.getByRole('row').filter({ hasText: 'kko-tool' }).locator('[data-roster]');
    await expect
      .poll(
        async () => {
          await admin.goto('/admin/lms');
          return roster.getAttribute('data-roster');
        },
        { timeout: 15_000 },
      )
      .toBe('failed');
    await expect(roster).toContainText('The LMS answered with error 503.');
    await expect(roster).not.toContainText('maintenance');
    lms().setMembershipsUp(true);
    await expect
      .poll(
        async () => {
          await admin.goto('/admin/lms');
          return roster.textContent();
        },
        { timeout: 30_000 },
      )
      .toMatch(/Synced .*: 3 people/);
    await admin.close();
  });

  test('a deployment id the LMS did not send at registration can be added on the LMS page (Canvas)', async ({ browser }) => {
    const before = await lms().launchInto(`${BASE}/lti/login`, {
      roles: [LEARNER],
      deploymentId: 'canvas-dep-2',
      custom: { module: MODULE },
      user: { sub: 'lms-user-9' },
    });
    expect(before.status).toBe(401);
    expect(before.body).toContain('deployment');
    const admin = await openPage(browser);
    await signIn(admin, ACCOUNTS.admin);
    await admin.goto('/admin/lms');
    const row = admin.getByRole('row').filter({ hasText: 'kko-tool' });
    await row.getByLabel('Add a deployment ID').fill('two ids');
    await row.getByRole('button', { name: 'Add deployment' }).click();
    await expect(row.getByText('Enter one deployment ID, without spaces or commas.')).toBeVisible();
    await row.getByLabel('Add a deployment ID').fill('canvas-dep-2');
    await row.getByRole('button', { name: 'Add deployment' }).click();
    await expect(row.getByRole('status')).toHaveText('Deployment added.');
    await expect(row.getByRole('cell').filter({ hasText: 'dep-1, canvas-dep-2' }).first()).toBeVisible();
    await admin.close();
    const after = await lms().launchInto(`${BASE}/lti/login`, {
      roles: [LEARNER],
      deploymentId: 'canvas-dep-2',
      custom: { module: MODULE },
      user: { sub: 'lms-user-9' },
    });
    expect(after.status).toBe(303);
  });

  test("Canvas: the developer key's Redirect URIs must hold the tool's /lti/launch exactly", async () => {
    // A key whose JSON was pasted but whose Redirect URIs field names another address.
    lms().addClient({
      clientId: 'canvas-key',
      deploymentIds: ['c-1'],
      redirectUris: [`${BASE}/lti/launch/`],
      initiateLoginUri: `${BASE}/lti/login`,
      jwksUrl: `${BASE}/lti/jwks`,
    });
    const added = await addPlatform(lms(), 'canvas-key', { deployment: 'c-1' });
    expect(added.code).toBe(0);
    const refused = await lms().launchInto(`${BASE}/lti/login`, {
      clientId: 'canvas-key',
      deploymentId: 'c-1',
      roles: [LEARNER],
      custom: { module: MODULE },
      user: { sub: 'canvas-user-1' },
    });
    expect(refused.stage).toBe('authorize');
    expect(refused.body).toContain(`redirect_uri ${BASE}/lti/launch is not registered`);
    lms().addClient({
      clientId: 'canvas-key',
      deploymentIds: ['c-1'],
      redirectUris: [`${BASE}/lti/launch`],
      initiateLoginUri: `${BASE}/lti/login`,
      jwksUrl: `${BASE}/lti/jwks`,
    });
    const accepted = await lms().launchInto(`${BASE}/lti/login`, {
      clientId: 'canvas-key',
      deploymentId: 'c-1',
      roles: [LEARNER],
      custom: { module: MODULE },
      user: { sub: 'canvas-user-1' },
    });
    expect(accepted.status).toBe(303);
    const list = await lti('list');
    await lti(
      'remove',
      list.out
        .split('\n')
        .find((l) => l.includes('client=canvas-key '))!
        .split(' ')[0]!,
    );
  });
});
