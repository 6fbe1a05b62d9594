import { ACCOUNTS, expect, openPage, signIn, test } from './fixtures';
import { BASE, hostileLms, lti, serveLocally, useJourneyPlatform } from './lti-journey';

const lms = useJourneyPlatform();

test.describe.serial('LTI 1.3 tool: registration: no calls into internal services; addresses work once', () => {
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

  test('a registration address works once; an anonymous registration stays inactive', async ({ browser }) => {
    const admin = await openPage(browser);
    await signIn(admin, ACCOUNTS.admin);
    await admin.goto('/admin/lms');
    await admin.getByRole('button', { name: 'Create a registration address' }).click();
    const address = (await admin.getByTestId('registration-url').textContent())!;
    await admin.close();
    const register = (url: string) => {
      const { openidConfigurationUrl, registrationToken } = lms().startDynamicRegistration();
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
