import fc from 'fast-check';
import { ACCOUNTS, expect, signIn, test } from './fixtures';

// Strings that break naive handlers: huge, control characters, lone surrogates, SQL and HTML metacharacters.
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '\uD800',
    '𝕂𝕂𝕆',
    'x'.repeat(20_000),
    '{"a":',
    '9-10.pdf',
    'KKO-2222-2222-2222',
  ),
);
const json = fc.oneof(fc.jsonValue(), fc.record({ answers: fc.dictionary(nasty, fc.oneof(fc.array(nasty, { maxLength: 6 }), nasty, fc.integer())) }));
const runs = { numRuns: 40 };
// Lone surrogates cannot be %-encoded; send them as the replacement character a browser would.
const enc = (s: string) => encodeURIComponent(s.toWellFormed());

test('public routes answer bad input with 4xx, never a 500 or an echoed script', async ({ request }) => {
  await fc.assert(
    fc.asyncProperty(nasty, nasty, async (a, b) => {
      const seg = enc(a).slice(0, 2000);
      for (const url of [
        `/handouts/${seg}/${enc(b).slice(0, 200)}?lang=${seg.slice(0, 100)}`,
        `/certificates/${seg}`,
        `/findings/${seg}`,
        `/h/${seg}/${seg.slice(0, 10)}`,
        `/reset/${seg}`,
        `/confirm/${seg}`,
      ]) {
        const res = await request.get(url, { maxRedirects: 0 });
        expect(res.status(), url).toBeLessThan(500);
        expect(await res.text(), url).not.toContain('<script>alert(1)</script>');
      }
    }),
    runs,
  );
});

test('quiz submissions with generated bodies are refused and change nothing', async ({ page }) => {
  await signIn(page, ACCOUNTS.teacher2);
  await page.goto('/learn/15-17-living-online/quiz');
  await page.getByRole('button', { name: /Start the quiz|Try again/ }).click();
  const attemptId = (await page.locator('form[data-attempt-id]').getAttribute('data-attempt-id'))!;
  await fc.assert(
    fc.asyncProperty(json, nasty, async (body, id) => {
      for (const target of [attemptId, enc(id).slice(0, 500) || 'x']) {
        const res = await page.request.post(`/api/attempts/${target}`, { data: body });
        expect(res.status()).toBeGreaterThanOrEqual(400);
        expect(res.status()).toBeLessThan(500);
      }
    }),
    runs,
  );
  // The attempt is still open, untouched.
  await page.reload();
  await expect(page.locator(`form[data-attempt-id="${attemptId}"]`)).toBeVisible();
});

test('exports and sign-in with generated input never fail with a 500', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await fc.assert(
    fc.asyncProperty(nasty, nasty, async (tier, status) => {
      const q = `tier=${enc(tier).slice(0, 500)}&status=${enc(status).slice(0, 500)}`;
      for (const url of [
        `/api/schools/demo/completion.csv?${q}`,
        `/api/schools/${enc(tier).slice(0, 200)}/completion.csv`,
        `/admin?${q}&page=${enc(tier).slice(0, 100)}`,
        `/admin/teachers/${enc(status).slice(0, 200)}`,
      ]) {
        expect((await page.request.get(url)).status(), url).toBeLessThan(500);
      }
    }),
    { numRuns: 25 },
  );
  const csrf = await (await page.request.get('/api/auth/csrf')).json();
  await fc.assert(
    fc.asyncProperty(nasty, nasty, async (email, password) => {
      const res = await page.request.post('/api/auth/callback/credentials', { form: { email, password, csrfToken: csrf.csrfToken }, maxRedirects: 0 });
      expect(res.status()).toBeLessThan(500);
    }),
    { numRuns: 10 },
  );
});

test('every page carries the security headers', async ({ request }) => {
  for (const url of [
    '/signin',
    '/about',
    '/api/health',
    '/handouts/demo/9-10?lang=kk',
    '/handouts/demo/9-10.pdf?lang=kk',
    '/findings/help-seeking.helpline-150',
  ]) {
    const h = (await request.get(url)).headers();
    expect(h['x-content-type-options'], url).toBe('nosniff');
    expect(h['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
    expect(h['content-security-policy'], url).toContain("frame-ancestors 'self'");
    expect(h['x-powered-by'], url).toBeUndefined();
  }
});
