// First-load JavaScript of the lesson and quiz pages, counted in Chromium: every script the page
// loads (its tags and the chunks they pull in) until the network is idle, gzip-compressed as the
// server sends it. Budgets from DESIGN.md ("Phone"): lesson ≤ 100 kB, quiz ≤ 120 kB.
//
//   node bench/js-budget.mjs --base http://127.0.0.1:3000 --email teacher1@demo.school --password <pw> [--module 9-10-living-online] [--json]
//
// Against a running production server (`npm start`, or the e2e server on its port); exits 1 when over budget.
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const BUDGET_KB = { lesson: 100, quiz: 120 };

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const base = arg('base', 'http://127.0.0.1:3000');
const email = arg('email', 'teacher1@demo.school');
const password = arg('password', process.env.DEMO_PASSWORD);
const moduleId = arg('module', '9-10-living-online');
if (!password) throw new Error('--password (or DEMO_PASSWORD) is required');

const executablePath = process.env.PLAYWRIGHT_CHROMIUM || ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => fs.existsSync(p));

/** Loads `path` in a fresh page (no cache) and sums the scripts it fetched. */
async function measure(context, path) {
  const page = await context.newPage();
  const scripts = [];
  page.on('response', async (res) => {
    if (res.request().resourceType() !== 'script') return;
    scripts.push(
      res.body().then(
        (body) => ({ url: new URL(res.url()).pathname, raw: body.length, gzip: gzipSync(body).length }),
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

const browser = await chromium.launch(executablePath ? { executablePath } : {});
try {
  const context = await browser.newContext({ locale: 'en-US' });
  const signin = await context.newPage();
  await signin.goto(`${base}/signin`);
  await signin.getByLabel('Email').fill(email);
  await signin.getByLabel('Password').fill(password);
  await signin.getByRole('button', { name: 'Sign in' }).click();
  await signin.waitForURL((u) => !u.pathname.startsWith('/signin'));
  // The quiz page as a teacher sees it mid-quiz: with the question form.
  await signin.goto(`${base}/learn/${moduleId}/quiz`);
  const start = signin.getByRole('button', { name: /Start the quiz|Try again/ });
  if (await start.count()) await start.click();
  await signin.close();

  const results = {
    about: await measure(context, '/about'),
    lesson: await measure(context, `/learn/${moduleId}/${await sectionOf(context)}`),
    quiz: await measure(context, `/learn/${moduleId}/quiz`),
  };
  const rows = Object.entries(results).map(([name, r]) => ({
    page: name,
    path: r.path,
    scripts: r.files.length,
    rawKB: +(r.raw / 1024).toFixed(1),
    gzipKB: +(r.gzip / 1024).toFixed(1),
    budgetKB: BUDGET_KB[name] ?? null,
    ok: BUDGET_KB[name] === undefined || r.gzip / 1024 <= BUDGET_KB[name],
  }));
  if (process.argv.includes('--json')) console.log(JSON.stringify({ base, moduleId, rows, files: results }, null, 2));
  else console.table(rows);
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
} finally {
  await browser.close();
}

/** The module's first section, read from its module page. */
async function sectionOf(context) {
  const page = await context.newPage();
  await page.goto(`${base}/learn/${moduleId}`);
  const href = await page.locator('.section-list li a').first().getAttribute('href');
  await page.close();
  return href.split('/').at(-1);
}
