import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, openPage, signIn, test } from './fixtures';
import type { BrowserLaunchResult } from '../test/lti-platform/browser';
import { startTestPlatform } from '../test/lti-platform';

const run = promisify(execFile);
const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const env = { ...process.env, KKO_DATA_DIR: path.join(process.cwd(), 'data-e2e'), DATABASE_URL: '' };
const lti = (...args: string[]) =>
  run('npx', ['tsx', '--conditions=react-server', 'scripts/lti.ts', ...args], { env }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

const LEARNER = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner';
const INSTRUCTOR = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor';
const GUEST = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor';
const MODULE = '11-12-risks-and-harms';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;

/** The launch ran in this browser: it holds the binding cookie the launch set, then opens the ticket. */
async function openLaunch(page: Page, result: BrowserLaunchResult) {
  const binding = result.cookies.get('kko_lti_binding');
  expect(binding, 'the launch sets a browser binding cookie').toBeTruthy();
  await page.context().addCookies([{ name: 'kko_lti_binding', value: binding!, url: `${BASE}/lti/session` }]);
  return page.goto(result.location!);
}

/** A service on this machine the server must never be made to call or quote: it records what reaches it. */
async function serveLocally(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, requests, stop: () => new Promise((resolve) => server.close(resolve)) };
}

/** An "LMS" configuration anyone could host, naming the registration endpoint the test wants. */
function hostileLms(registrationEndpoint: string) {
  return serveLocally((req, res) => {
    const origin = `http://${req.headers.host}`;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        issuer: origin,
        authorization_endpoint: `${origin}/auth`,
        token_endpoint: `${origin}/token`,
        jwks_uri: `${origin}/jwks`,
        registration_endpoint: registrationEndpoint,
      }),
    );
  });
}

test.beforeAll(async () => {
  platform = await startTestPlatform({
    members: [
      { user_id: 'lms-user-1', roles: [LEARNER], name: 'Асель Нурланова' },
      { user_id: 'lms-user-2', roles: [LEARNER], name: 'Dias Omarov' },
      { user_id: 'lms-user-3', roles: [LEARNER], name: 'Gulzhan Never-Launched' },
    ],
    clients: [
      {
        clientId: 'kko-tool',
        deploymentIds: ['dep-1'],
        redirectUris: [`${BASE}/lti/launch`],
        initiateLoginUri: `${BASE}/lti/login`,
        jwksUrl: `${BASE}/lti/jwks`,
        targetLinkUri: `${BASE}/learn/${MODULE}`,
      },
    ],
  });
});
test.afterAll(() => platform?.stop());

test.describe.serial('LTI 1.3 tool', () => {
  test('the operator registers the platform from the command line, with validation', async () => {
    const reg = platform.registrationFor('kko-tool');
    const bad = await lti(
      'add-platform',
      '--school',
      'demo',
      '--issuer',
      'ftp://nope',
      '--client-id',
      'kko-tool',
      '--auth-url',
      reg.authUrl,
      '--token-url',
      reg.tokenUrl,
      '--jwks-url',
      reg.jwksUrl,
    );
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('--issuer');
    expect(bad.out).toContain('--deploymentIds');
    const ok = await lti(
      'add-platform',
      '--school',
      'demo',
      '--issuer',
      reg.issuer,
      '--client-id',
      'kko-tool',
      '--auth-url',
      reg.authUrl,
      '--token-url',
      reg.tokenUrl,
      '--jwks-url',
      reg.jwksUrl,
      '--deployment',
      'dep-1',
    );
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
    const result = await platform.launchInto(`${BASE}/lti/login`, {
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
    await page.goto(
      platform.coursePageUrl({ roles: [LEARNER], locale: 'en', custom: { module: MODULE }, user: { sub: 'lms-user-1', name: 'Асель Нурланова' } }),
    );
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 });
    await expect(frame.getByRole('link', { name: 'Start reading' }).or(frame.getByRole('link', { name: 'Continue reading' }))).toBeVisible();
    // Only this site and the registered platforms may frame the tool.
    const csp = (await page.request.get(`${BASE}/lti/jwks`)).headers()['content-security-policy']!;
    expect(csp).toContain(`frame-ancestors 'self' ${new URL(platform.registrationFor('kko-tool').issuer).origin}`);
    expect((await page.request.get(`${BASE}/signin`, { maxRedirects: 0 })).headers()['x-frame-options']).toBe('SAMEORIGIN');
  });

  test("an LMS administrator's launch opens the school dashboard inside the course frame", async ({ page }) => {
    await page.goto(
      platform.coursePageUrl({
        roles: ['http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator'],
        locale: 'en',
        user: { sub: 'lms-admin-1', name: 'Moodle Admin' },
      }),
    );
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('heading', { level: 1, name: 'School completion' })).toBeVisible({ timeout: 15_000 });
    const csp = (await page.request.get(`${BASE}/admin`, { maxRedirects: 0 })).headers()['content-security-policy']!;
    expect(csp).toContain(`frame-ancestors 'self' ${new URL(platform.registrationFor('kko-tool').issuer).origin}`);
  });

  test('every forged or stale launch is refused with a clear 4xx page', async () => {
    const forgeries: [string, Record<string, unknown>][] = [
      ['bad signature', { signWith: 'foreign-key' }],
      ['unknown kid', { signWith: 'unknown-kid' }],
      ['wrong iss', { iss: 'https://evil.example' }],
      ['wrong aud', { aud: 'someone-else' }],
      ['missing azp with several audiences', { aud: ['kko-tool', 'other'], azp: null }],
      ['expired', { expiresInSeconds: -30 }],
      ['issued in the future', { iatOffsetSeconds: 600 }],
      ['wrong version', { version: '1.1' }],
      ['unknown message type', { messageType: 'LtiSomethingElse' }],
      ['foreign target_link_uri', { targetLinkUri: 'https://evil.example/learn' }],
      ['unknown deployment', { deploymentId: 'dep-unknown' }],
    ];
    for (const [name, forge] of forgeries) {
      const r = await platform.launchInto(`${BASE}/lti/login`, { forge });
      expect(r.status, name).toBeGreaterThanOrEqual(400);
      expect(r.status, name).toBeLessThan(500);
      expect(r.body, name).toContain('This LMS launch could not be accepted');
      expect(r.body, name).not.toContain('eyJ');
    }
    await platform.launchInto(`${BASE}/lti/login`, { custom: { module: MODULE } });
    const replay = await platform.launchInto(`${BASE}/lti/login`, { forge: { replayNonce: true } });
    expect(replay.status).toBe(401);
    expect(replay.body).toContain('nonce');
  });

  test('a launch with a missing or mismatched state is refused', async ({ request }) => {
    const honest = await platform.launchInto(`${BASE}/lti/login`, {});
    expect(honest.status).toBe(303);
    const withoutCookie = await request.post('/lti/launch', { form: { id_token: 'x.y.z', state: 'made-up' } });
    expect(withoutCookie.status()).toBe(401);
    expect(await withoutCookie.text()).toContain('state');
    const noState = await request.post('/lti/launch', { form: { id_token: 'x.y.z' } });
    expect(noState.status()).toBe(401);
  });

  test('a role that gives no access gets a clear page, not an error', async () => {
    const r = await platform.launchInto(`${BASE}/lti/login`, { roles: [GUEST], user: { sub: 'mentor-1' } });
    expect(r.status).toBe(403);
    expect(r.body).toContain('role');
  });

  test('deep linking returns a signed response with one link and line item per module', async () => {
    const r = await platform.launchInto(`${BASE}/lti/login`, { messageType: 'LtiDeepLinkingRequest', roles: [INSTRUCTOR], deepLinkingData: 'opaque-42' });
    expect(r.status).toBe(200);
    const context = /name="context" value="([^"]+)"/.exec(r.body)![1]!;
    const form = new URLSearchParams({ context });
    form.append('module', '9-10-living-online');
    form.append('module', '13-14-the-adult-they-tell');
    const res = await fetch(`${BASE}/lti/deep-link`, { method: 'POST', body: form });
    const html = await res.text();
    const jwt = /name="JWT" value="([^"]+)"/.exec(html)![1]!;
    const action = /action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    const back = await fetch(action, { method: 'POST', body: new URLSearchParams({ JWT: jwt }) });
    expect(back.status).toBeLessThan(400);
    const returned = platform.deepLinkReturns.at(-1)!;
    expect(returned.ok).toBe(true);
    if (!returned.ok) return;
    expect(returned.data).toBe('opaque-42');
    expect(returned.contentItems.map((i) => (i as { custom: { module: string } }).custom.module)).toEqual(['9-10-living-online', '13-14-the-adult-they-tell']);
    expect(returned.contentItems.every((i) => (i as { lineItem: { scoreMaximum: number } }).lineItem.scoreMaximum === 100)).toBe(true);
  });

  test('deep linking titles the activities in the launch language', async () => {
    const r = await platform.launchInto(`${BASE}/lti/login`, { messageType: 'LtiDeepLinkingRequest', roles: [INSTRUCTOR], locale: 'ru-RU' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<html lang="ru">');
    expect(r.body).toContain('Добавить в курс');
    const context = /name="context" value="([^"]+)"/.exec(r.body)![1]!;
    const res = await fetch(`${BASE}/lti/deep-link`, { method: 'POST', body: new URLSearchParams({ context, module: '9-10-living-online' }) });
    const html = await res.text();
    const jwt = /name="JWT" value="([^"]+)"/.exec(html)![1]!;
    const action = /action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    await fetch(action, { method: 'POST', body: new URLSearchParams({ JWT: jwt }) });
    const returned = platform.deepLinkReturns.at(-1)!;
    expect(returned.ok).toBe(true);
    if (!returned.ok) return;
    const { readModule } = await import('./content');
    const ru = readModule('9-10', 'living-online', 'ru');
    const [item] = returned.contentItems as { title: string; text: string; lineItem: { label: string } }[];
    expect(item).toMatchObject({ title: `${ru.title} (9-10)`, lineItem: { label: ru.title } });
    expect(item!.text).toMatch(/[а-яё]/i);
  });

  test('a passed quiz reaches the LMS gradebook exactly once, even through an outage', async ({ page }) => {
    platform.setScoreMode('unavailable');
    const result = await platform.launchInto(`${BASE}/lti/login`, {
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
    await expect.poll(() => platform.scoreRequests, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(platform.scores.filter((s) => s.score.userId === 'lms-user-2')).toHaveLength(0);
    platform.setScoreMode('accept');
    await expect.poll(() => platform.scores.filter((s) => s.score.userId === 'lms-user-2').length, { timeout: 40_000 }).toBe(1);
    const score = platform.scores.find((s) => s.score.userId === 'lms-user-2')!.score;
    expect(score).toMatchObject({ scoreGiven: 100, scoreMaximum: 100, activityProgress: 'Completed', gradingProgress: 'FullyGraded' });
    await page.waitForTimeout(3000);
    expect(platform.scores.filter((s) => s.score.userId === 'lms-user-2')).toHaveLength(1);
  });

  test("a score for a line item off the LMS's hosts is never sent; the admin sees why, not what answered", async ({ browser, page }) => {
    const secret = await serveLocally((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('SECRET-ADMIN-PAGE'));
    try {
      const lineitem = `${secret.origin}/secret-admin/lineitems/1/lineitem`;
      const ags = { scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/score'], lineitem };
      const result = await platform.launchInto(`${BASE}/lti/login`, {
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

  test('an anonymous /lti/register cannot make the server call an internal service, or print its answer', async ({ request }) => {
    const internal = await serveLocally((_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('INTERNAL-SECRET: db password hunter2'));
    // On this test server loopback http is allowed (LTI_ALLOW_LOOPBACK_HTTP=1), so the POST reaches it: its answer must still not be shown.
    const quoting = await hostileLms(`${internal.origin}/secret-admin/delete-everything`);
    const metadata = await hostileLms('https://169.254.169.254/latest/meta-data/iam/security-credentials/');
    try {
      const quoted = await request.get(`/lti/register?openid_configuration=${encodeURIComponent(`${quoting.origin}/.well-known/openid-configuration`)}`);
      expect(quoted.status()).toBe(400);
      const quotedPage = await quoted.text();
      expect(quotedPage).not.toContain('INTERNAL-SECRET');
      expect(quotedPage).not.toContain('hunter2');
      expect(quotedPage).toContain('HTTP 500');

      const refused = await request.get(`/lti/register?openid_configuration=${encodeURIComponent(`${metadata.origin}/.well-known/openid-configuration`)}`);
      expect(refused.status()).toBe(400);
      const refusedPage = await refused.text();
      expect(refusedPage).toContain('bad_configuration_url');
      expect(refusedPage).toContain('private, loopback or reserved address');
    } finally {
      await Promise.all([internal.stop(), quoting.stop(), metadata.stop()]);
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

  test('a roster sync that fails is shown on the LMS page and retried until the LMS is back', async ({ browser }) => {
    platform.setMembershipsUp(false);
    const course = { id: 'staff-course-2', label: 'STAFF-102', title: 'Second staff course' };
    const r = await platform.launchInto(`${BASE}/lti/login`, {
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
    platform.setMembershipsUp(true);
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
    const before = await platform.launchInto(`${BASE}/lti/login`, {
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
    const after = await platform.launchInto(`${BASE}/lti/login`, {
      roles: [LEARNER],
      deploymentId: 'canvas-dep-2',
      custom: { module: MODULE },
      user: { sub: 'lms-user-9' },
    });
    expect(after.status).toBe(303);
  });

  test("Canvas: the developer key's Redirect URIs must hold the tool's /lti/launch exactly", async () => {
    // A key whose JSON was pasted but whose Redirect URIs field names another address.
    platform.addClient({
      clientId: 'canvas-key',
      deploymentIds: ['c-1'],
      redirectUris: [`${BASE}/lti/launch/`],
      initiateLoginUri: `${BASE}/lti/login`,
      jwksUrl: `${BASE}/lti/jwks`,
    });
    const reg = platform.registrationFor('canvas-key');
    const added = await lti(
      'add-platform',
      '--school',
      'demo',
      '--issuer',
      reg.issuer,
      '--client-id',
      'canvas-key',
      '--auth-url',
      reg.authUrl,
      '--token-url',
      reg.tokenUrl,
      '--jwks-url',
      reg.jwksUrl,
      '--deployment',
      'c-1',
    );
    expect(added.code).toBe(0);
    const refused = await platform.launchInto(`${BASE}/lti/login`, {
      clientId: 'canvas-key',
      deploymentId: 'c-1',
      roles: [LEARNER],
      custom: { module: MODULE },
      user: { sub: 'canvas-user-1' },
    });
    expect(refused.stage).toBe('authorize');
    expect(refused.body).toContain(`redirect_uri ${BASE}/lti/launch is not registered`);
    platform.addClient({
      clientId: 'canvas-key',
      deploymentIds: ['c-1'],
      redirectUris: [`${BASE}/lti/launch`],
      initiateLoginUri: `${BASE}/lti/login`,
      jwksUrl: `${BASE}/lti/jwks`,
    });
    const accepted = await platform.launchInto(`${BASE}/lti/login`, {
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

  test('a registration address works once; an anonymous registration stays inactive', async ({ browser }) => {
    const admin = await openPage(browser);
    await signIn(admin, ACCOUNTS.admin);
    await admin.goto('/admin/lms');
    await admin.getByRole('button', { name: 'Create a registration address' }).click();
    const address = (await admin.getByTestId('registration-url').textContent())!;
    await admin.close();
    const register = (url: string) => {
      const { openidConfigurationUrl, registrationToken } = platform.startDynamicRegistration();
      const u = new URL(url);
      u.searchParams.set('openid_configuration', openidConfigurationUrl);
      u.searchParams.set('registration_token', registrationToken);
      return fetch(u);
    };
    const first = await register(address);
    expect(await first.text()).toContain('registered and connected to the school');
    expect(first.status).toBe(200);
    const second = await register(address);
    expect(second.status).toBe(400);
    expect(await second.text()).toContain('already used or has expired');
    const anonymous = await register(`${BASE}/lti/register`);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.text()).toContain('stays inactive');
    const list = await lti('list');
    expect(list.out.split('\n').filter((l) => l.includes('school=unbound'))).toEqual([expect.stringContaining('pending')]);
  });
});
