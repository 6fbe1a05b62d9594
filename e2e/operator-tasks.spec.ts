import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ACCOUNTS, DEMO_PASSWORD, expect, signIn, test } from './fixtures';

const run = promisify(execFile);
// The same data directory the test server holds (scripts/e2e-server.mjs).
const env = { ...process.env, KKO_DATA_DIR: path.join(process.cwd(), 'data-e2e'), DATABASE_URL: '' };

function task(...args: string[]) {
  return run('npx', ['tsx', '--conditions=react-server', 'scripts/db-task.ts', ...args], { env }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

test('database tasks go through the running server, which holds the embedded database', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kko-backup-')), 'backup.tar.gz');

  const backup = await task('backup', file);
  expect(backup.out).toContain('Written through the running server');
  expect(backup.code).toBe(0);
  expect(fs.statSync(file).size).toBeGreaterThan(100_000);

  const seed = await task('seed');
  expect(seed.code).toBe(0);
  expect(seed.out).toContain('already seeded; nothing changed');

  const restore = await task('restore', file);
  expect(restore.code).toBe(1);
  expect(restore.out).toMatch(/Stop the server first \(process \d+, port \d+\)/);

  // The server is unharmed and still answers from its database.
  const health = await fetch(`${test.info().project.use.baseURL}/api/health`);
  expect(await health.json()).toEqual({ status: 'ok', db: 'pglite' });
});

test('a newcomer who missed the printed demo password sets a new one through the running server', async ({ page }) => {
  const refused = await task('demo-password', 'short');
  expect(refused.code).toBe(1);
  expect(refused.out).toContain('8 to 128 characters');

  const changed = await task('demo-password', 'a-new-demo-password');
  expect(changed.out).toContain('New password set for admin@demo.school, operator@demo.school, teacher1@demo.school, teacher2@demo.school');
  expect(changed.code).toBe(0);
  try {
    await signIn(page, ACCOUNTS.teacher2, 'a-new-demo-password');
    await expect(page).toHaveURL(/\/learn/);
  } finally {
    // The other journeys sign in with the original password.
    expect((await task('demo-password', DEMO_PASSWORD)).code).toBe(0);
  }
});

test('the demo password is never changed on PostgreSQL', async () => {
  const res = await run('npx', ['tsx', '--conditions=react-server', 'scripts/db-task.ts', 'demo-password', 'whatever-password'], {
    env: { ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
  }).then(
    () => ({ code: 0, out: '' }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
  expect(res.code).toBe(1);
  expect(res.out).toContain('never changes PostgreSQL');
});
