import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';

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
