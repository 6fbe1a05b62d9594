import { ACCOUNTS, expect, signIn, test } from './fixtures';

const INJECTED = '<script>window.__injected = "inline"</script><iframe title="x" srcdoc="<script>parent.__injected = &quot;srcdoc&quot;</script>"></iframe>';

test('the CSP blocks script injected into a page while the app’s own scripts run', async ({ page }) => {
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });

  await test.step('every response carries a fresh nonce and no unsafe-inline', async () => {
    const response = await page.goto('/signin');
    const csp = response!.headers()['content-security-policy']!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect((await page.request.get('/signin')).headers()['content-security-policy']).not.toBe(csp);
    // The page hydrated under the policy: client-side validation answers without a round trip.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your email address.')).toBeVisible();
    expect(cspErrors).toEqual([]);
  });

  await test.step('an inline script and a handler attribute injected into the markup do not run', async () => {
    const outcome = await page.evaluate(
      () =>
        new Promise<{ ran: unknown; violations: string[] }>((resolve) => {
          const violations: string[] = [];
          document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
          document.body.insertAdjacentHTML('beforeend', '<img alt="" src="data:," onload="window.__injected = 1" onerror="window.__injected = 1">');
          setTimeout(() => resolve({ ran: (window as { __injected?: unknown }).__injected, violations }), 1000);
        }),
    );
    expect(outcome.ran).toBeUndefined();
    expect(outcome.violations.length).toBeGreaterThan(0);
    expect(new Set(outcome.violations)).toEqual(new Set(['script-src-attr']));
  });

  await test.step('a script in the HTML as served (a stored or reflected injection) does not run', async () => {
    // The app's real response and CSP header, with markup an attacker managed to get into it.
    await page.route('**/signin', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace('</body>', `${INJECTED}</body>`) });
    });
    cspErrors.length = 0;
    await page.goto('/signin');
    await expect.poll(() => cspErrors.length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as { __injected?: unknown }).__injected)).toBeUndefined();
    await page.unroute('**/signin');
  });

  await test.step('signing in and the admin pages run without one blocked script of the app’s own', async () => {
    cspErrors.length = 0;
    await signIn(page, ACCOUNTS.admin);
    await page.getByRole('link', { name: 'People' }).click();
    await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
    expect(cspErrors).toEqual([]);
  });
});

test('the prerendered /about stays static under a policy without inline script', async ({ request }) => {
  const res = await request.get('/about');
  expect(res.status()).toBe(200);
  const csp = res.headers()['content-security-policy']!;
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('nonce-');
  expect(await res.text()).not.toMatch(/<script/i);
});
