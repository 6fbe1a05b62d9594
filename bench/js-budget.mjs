// First-load JavaScript per page, counted in Chromium: every script the page loads (its tags and the
// chunks they pull in) until the network is idle, gzip-compressed as the server sends it. Budgets
// from DESIGN.md ("Phone"): the lesson page (/lessons/<lang>/<module>/<section>) ≤ 100 kB and the
// quiz page mid-quiz (/learn/<module>/quiz with its question form) ≤ 120 kB; /about and /admin are
// reported alongside, without a budget.
//
//   node bench/js-budget.mjs --base http://127.0.0.1:3000 --email teacher1@demo.school --password <pw>
//        [--admin-email admin@demo.school] [--module 9-10-living-online] [--chunks] [--json]
//
// Against a running production server (`npm start`, or the e2e server on its port); exits 1 when
// over budget. --chunks lists every script with its size. `npm run bench` calls measureFirstLoadJs
// with the session cookies of its own users.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

export const BUDGET_KB = { lesson: 100, quiz: 120 };

const executablePath = process.env.PLAYWRIGHT_CHROMIUM || ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => fs.existsSync(p));

/** Loads `path` in a fresh page (no cache) and sums the scripts it fetched. */
async function measure(context, base, path) {
  const page = await context.newPage();
  const scripts = [];
  page.on('response', async (res) => {
    if (res.request().resourceType() !== 'script') return;
    scripts.push(
      res.body().then(
        (body) => ({ url: new URL(res.url()).pathname, status: res.status(), raw: body.length, gzip: gzipSync(body).length }),
        () => null,
      ),
    );
  });
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  const finalPath = new URL(page.url()).pathname;
  const files = (await Promise.all(scripts)).filter(Boolean);
  await page.close();
  return { path: finalPath, files, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

/** A browser context signed in either with a session cookie header (`name=value; ...`) or through the sign-in form. */
async function signedIn(browser, base, who) {
  const context = await browser.newContext({ locale: 'en-US' });
  if (who.cookie) {
    const cookies = who.cookie.split(/;\s*/).map((c) => ({ name: c.slice(0, c.indexOf('=')), value: c.slice(c.indexOf('=') + 1), url: base }));
    await context.addCookies(cookies);
    return context;
  }
  const page = await context.newPage();
  await page.goto(`${base}/signin`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
  await page.close();
  return context;
}

/** The static lesson page of the module's first section (the module page links each section). */
async function lessonPathOf(context, base, moduleId) {
  const page = await context.newPage();
  await page.goto(`${base}/learn/${moduleId}`);
  const href = await page.locator('.section-list li a').first().getAttribute('href');
  await page.close();
  const section = href.split('/').at(-1);
  return `/lessons/en/${moduleId}/${section}`;
}

/**
 * Measures /about, the lesson page, the quiz page (a quiz is started first, so the page shows its
 * question form) and, given an admin, /admin. `teacher` and `admin` are `{ cookie }` or `{ email, password }`.
 */
export async function measureFirstLoadJs({ base, teacher, admin, moduleId }) {
  const browser = await chromium.launch(executablePath ? { executablePath } : {});
  try {
    const context = await signedIn(browser, base, teacher);
    const starter = await context.newPage();
    await starter.goto(`${base}/learn/${moduleId}/quiz`);
    const start = starter.getByRole('button', { name: /Start the quiz|Try again/ });
    if (await start.count()) {
      await start.click();
      await starter.locator('form.quiz').waitFor();
    }
    await starter.close();
    const results = {
      about: await measure(context, base, '/about'),
      lesson: await measure(context, base, await lessonPathOf(context, base, moduleId)),
      quiz: await measure(context, base, `/learn/${moduleId}/quiz`),
    };
    if (admin) results.admin = await measure(await signedIn(browser, base, admin), base, '/admin');
    const rows = Object.entries(results).map(([name, r]) => ({
      page: name,
      path: r.path,
      scripts: r.files.length,
      rawKB: +(r.raw / 1024).toFixed(1),
      gzipKB: +(r.gzip / 1024).toFixed(1),
      budgetKB: BUDGET_KB[name] ?? null,
      // A script that failed to load (e.g. public/quiz.js not built) would make the page look light.
      failed: r.files.filter((f) => f.status >= 400).map((f) => `${f.url} ${f.status}`),
      ok: r.files.every((f) => f.status < 400) && (BUDGET_KB[name] === undefined || r.gzip / 1024 <= BUDGET_KB[name]),
    }));
    return { rows, files: results };
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const base = arg('base', 'http://127.0.0.1:3000');
  const password = arg('password', process.env.DEMO_PASSWORD);
  if (!password) throw new Error('--password (or DEMO_PASSWORD) is required');
  const moduleId = arg('module', '9-10-living-online');
  const adminEmail = arg('admin-email', 'admin@demo.school');
  const { rows, files } = await measureFirstLoadJs({
    base,
    moduleId,
    teacher: { email: arg('email', 'teacher1@demo.school'), password },
    admin: adminEmail === 'none' ? null : { email: adminEmail, password },
  });
  if (process.argv.includes('--json')) console.log(JSON.stringify({ base, moduleId, rows, files }, null, 2));
  else {
    console.table(rows);
    if (process.argv.includes('--chunks'))
      for (const [name, r] of Object.entries(files)) {
        console.log(`${name} ${r.path}`);
        for (const f of r.files) console.log(`  ${(f.gzip / 1024).toFixed(1).padStart(6)} kB  ${f.url}`);
      }
  }
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
}
