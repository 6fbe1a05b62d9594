import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ROLES, startTestPlatform, type TestPlatform } from '../test/lti-platform';

const run = promisify(execFile);
const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const env = { ...process.env, KKO_DATA_DIR: path.join(process.cwd(), 'data-e2e'), DATABASE_URL: '' };
const MODULE = '9-10-living-online';
const STORAGE_FRAME = 'lti-storage';

// Chromium with third-party cookies blocked, as Safari and Chrome with the setting on behave.
const chromium = process.env.PLAYWRIGHT_CHROMIUM || ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => fs.existsSync(p));
test.use({ launchOptions: { ...(chromium ? { executablePath: chromium } : {}), args: ['--test-third-party-cookie-phaseout'] } });

let sameSite: TestPlatform;
let crossSite: TestPlatform;

async function startAndRegister(clientId: string, hostname: string) {
  const platform = await startTestPlatform({
    hostname,
    clients: [
      {
        clientId,
        deploymentIds: ['dep-s'],
        redirectUris: [`${BASE}/lti/launch`],
        initiateLoginUri: `${BASE}/lti/login`,
        jwksUrl: `${BASE}/lti/jwks`,
        targetLinkUri: `${BASE}/learn/${MODULE}`,
      },
    ],
    members: [{ user_id: 'storage-teacher', roles: [ROLES.learner], name: 'Saule Storage' }],
  });
  const r = platform.registrationFor(clientId);
  const args = [
    'add-platform',
    '--school',
    'demo',
    '--issuer',
    r.issuer,
    '--client-id',
    clientId,
    '--auth-url',
    r.authUrl,
    '--token-url',
    r.tokenUrl,
    '--jwks-url',
    r.jwksUrl,
    '--deployment',
    'dep-s',
  ];
  await run('npx', ['tsx', '--conditions=react-server', 'scripts/lti.ts', ...args], { env });
  return platform;
}

test.beforeAll(async () => {
  sameSite = await startAndRegister('kko-storage', '127.0.0.1');
  // localhost and 127.0.0.1 are different sites: the tool's cookies in this LMS's frame are third-party.
  crossSite = await startAndRegister('kko-storage-x', 'localhost');
});
test.afterAll(async () => {
  // Remove this file's platforms: other specs assert the exact list of origins that may frame the tool.
  const cli = (...args: string[]) => run('npx', ['tsx', '--conditions=react-server', 'scripts/lti.ts', ...args], { env });
  const { stdout } = await cli('list');
  for (const line of stdout.split('\n').filter((l) => / client=kko-storage(-x)? /.test(l))) await cli('remove', line.split(' ')[0]!);
  await sameSite?.stop();
  await crossSite?.stop();
});

/**
 * The tool's state cookie is gone by the time the launch comes back, as Safari drops it in a
 * frame: cleared while the browser is at the platform's auth step. (Requests are let through
 * untouched: a response made up by the test would lose its network address, and Chromium's
 * local-network checks would then block the frame's next navigation.)
 */
async function dropStateCookie(page: Page, platform: TestPlatform) {
  await page.route(`${platform.urls.authUrl}?*`, async (route) => {
    await page.context().clearCookies({ name: /^lti_state_/ });
    expect((await page.context().cookies(BASE)).filter((c) => c.name.startsWith('lti_state_'))).toEqual([]);
    await route.continue();
  });
}

function launchSpec(clientId: string, withStorage: boolean) {
  return {
    clientId,
    roles: [ROLES.learner],
    locale: 'en',
    custom: { module: MODULE },
    user: { sub: 'storage-teacher', name: 'Saule Storage' },
    ...(withStorage ? { storageTarget: STORAGE_FRAME } : {}),
  };
}

test.describe.serial('LTI platform storage when the state cookie is lost', () => {
  test('the launch keeps the state in the LMS page (lti.put_data / lti.get_data) and opens the module', async ({ page }) => {
    await dropStateCookie(page, sameSite);
    const storagePosts: number[] = [];
    page.on('response', (r) => {
      if (r.url() === `${BASE}/lti/launch/storage`) storagePosts.push(r.status());
    });
    await page.goto(sameSite.coursePageUrl(launchSpec('kko-storage', true)));
    const frame = page.frameLocator('iframe[name="tool-frame"]');
    await expect(frame.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 20_000 });
    await expect(frame.getByRole('link', { name: 'Start reading' }).or(frame.getByRole('link', { name: 'Continue reading' }))).toBeVisible();
    expect(storagePosts).toEqual([303]);
    // The LMS's storage frame answered both messages.
    const storage = page.frames().find((f) => f.name() === STORAGE_FRAME)!;
    expect(await storage.evaluate(() => (window as unknown as { __ltiStorageMessages: number }).__ltiStorageMessages)).toBe(2);
  });

  test('with third-party cookies blocked and the LMS on another site, the storage path accepts the launch', async ({ page }) => {
    await dropStateCookie(page, crossSite);
    const storage = page.waitForResponse(`${BASE}/lti/launch/storage`);
    await page.goto(crossSite.coursePageUrl(launchSpec('kko-storage-x', true)));
    const answer = await storage;
    expect(answer.status()).toBe(303);
    expect(answer.headers().location).toContain('/lti/session?ticket=');
  });

  test('without the cookie and without platform storage the launch page offers to open KKO Teach in its own tab', async ({ request }) => {
    const init = sameSite.loginInitiation(launchSpec('kko-storage', false));
    const login = await fetch(init.url!, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const answer = await sameSite.authorize(login.headers.get('location')!);
    // The browser lost the cookie and the platform offered no storage: nothing binds the launch to it.
    const launch = await request.post('/lti/launch', { form: { id_token: answer.id_token, state: answer.state } });
    expect(launch.status()).toBe(401);
    const html = await launch.text();
    expect(html).toContain('This LMS launch could not be accepted');
    expect(html).toContain('state');
    expect(html).toContain('Open KKO Teach in a new tab');
    expect(html).not.toContain('lti-storage.js');
  });

  test('the storage step takes posts from the tool page only, with the state from storage', async ({ request }) => {
    const crossSitePost = await request.post('/lti/launch/storage', {
      headers: { origin: 'http://evil.example' },
      form: { id_token: 'x.y.z', state: 's', lti_storage_value: 's' },
    });
    expect(crossSitePost.status()).toBe(403);
    expect(await crossSitePost.text()).toContain('cross_site_request');
    const noOrigin = await request.post('/lti/launch/storage', { form: { id_token: 'x.y.z', state: 's', lti_storage_value: 's' } });
    expect(noOrigin.status()).toBe(403);
    // A real pending login: the platform-storage login page, then the platform's answer.
    const pending = async () => {
      const init = sameSite.loginInitiation(launchSpec('kko-storage', true));
      const login = await fetch(init.url!, { redirect: 'manual' });
      expect(login.status).toBe(200);
      expect(login.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await login.text();
      expect(html).toContain('src="/lti-storage.js" data-mode="put"');
      expect(html).not.toMatch(/<script>/);
      return sameSite.authorize(/data-next="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&'));
    };
    const forged = await pending();
    const wrongValue = await request.post('/lti/launch/storage', {
      headers: { origin: BASE },
      form: { id_token: forged.id_token, state: forged.state, lti_storage_value: 'another-state' },
    });
    expect(wrongValue.status()).toBe(401);
    expect(await wrongValue.text()).toContain('state');
    const honest = await pending();
    const ok = await request.post('/lti/launch/storage', {
      headers: { origin: BASE },
      form: { id_token: honest.id_token, state: honest.state, lti_storage_value: honest.state },
      maxRedirects: 0,
    });
    expect(ok.status()).toBe(303);
    // The state works once, through either path.
    const replay = await request.post('/lti/launch/storage', {
      headers: { origin: BASE },
      form: { id_token: honest.id_token, state: honest.state, lti_storage_value: honest.state },
      maxRedirects: 0,
    });
    expect(replay.status()).toBe(401);
  });
});
