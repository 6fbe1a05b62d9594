import { ACCOUNTS, expect, signIn, test } from './fixtures';

type Outcome = { ran: boolean; violations: string[] };

test('the CSP blocks injected inline script and handlers while the app’s own scripts run', async ({ page }) => {
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });

  const response = await page.goto('/signin');
  const csp = response!.headers()['content-security-policy']!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).not.toContain('unsafe-inline');
  // A new nonce for every response.
  const again = (await page.request.get('/signin')).headers()['content-security-policy']!;
  expect(again).not.toBe(csp);

  // The page hydrated under the policy: client-side validation answers without a round trip.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your email address.')).toBeVisible();

  const outcome = await page.evaluate(
    () =>
      new Promise<Outcome>((resolve) => {
        const w = window as unknown as { __injected?: boolean };
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true';
        document.body.appendChild(script);
        document.body.insertAdjacentHTML('beforeend', '<img alt="" src="data:," onload="window.__injected = true" onerror="window.__injected = true">');
        setTimeout(() => resolve({ ran: w.__injected === true, violations }), 1500);
      }),
  );
  expect(outcome.ran).toBe(false);
  expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));

  // Signing in, navigating and the admin pages run without a single blocked script of the app's own.
  cspErrors.length = 0;
  await signIn(page, ACCOUNTS.admin);
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
  expect(cspErrors).toEqual([]);
});

test('the prerendered /about stays static under a policy without inline script', async ({ request }) => {
  const res = await request.get('/about');
  expect(res.status()).toBe(200);
  const csp = res.headers()['content-security-policy']!;
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('nonce-');
  expect(await res.text()).not.toMatch(/<script/i);
});
