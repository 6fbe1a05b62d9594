import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-cli-'));
const backup = path.join(dataDir, '..', `${path.basename(dataDir)}.tar.gz`);
// The command line tasks on the embedded database, with no server running.
const env = { ...process.env, KKO_DATA_DIR: dataDir, DEMO_PASSWORD: 'cli-test-password', DATABASE_URL: '' };

function task(...args: string[]) {
  return taskIn(env, ...args);
}

function taskIn(taskEnv: NodeJS.ProcessEnv, ...args: string[]) {
  return run('npx', ['tsx', '--conditions=react-server', 'scripts/db-task.ts', ...args], { env: taskEnv }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(backup, { force: true });
});

describe.skipIf(!!process.env.DATABASE_URL)('embedded database tasks from the command line', () => {
  it('seeds once, backs up and restores what was backed up', async () => {
    const seeded = await task('seed');
    expect(seeded.out).toContain('admin@demo.school');
    expect((await task('seed')).out).toContain('already seeded; nothing changed');
    expect((await task('backup', backup)).code).toBe(0);
    // The backup holds password hashes: its owner alone may read it.
    expect(fs.statSync(backup).mode & 0o077).toBe(0);
    const restored = await task('restore', backup);
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/Restored .* \(1 schools\)/);
    expect(fs.readdirSync(dataDir).some((f) => f.startsWith('pgdata.before-restore-'))).toBe(true);
    expect((await task('seed')).out).toContain('already seeded; nothing changed');
  }, 120_000);

  it('refuses to back up a directory that holds no database, and creates none', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-empty-'));
    const out = path.join(empty, 'backup.tar.gz');
    try {
      const r = await taskIn({ ...env, KKO_DATA_DIR: path.join(empty, 'data') }, 'backup', out);
      expect(r.code).toBe(1);
      expect(r.out).toContain('nothing to back up');
      expect(r.out).toContain('KKO_DATA_DIR');
      expect(fs.readdirSync(empty)).toEqual([]);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('refuses a restore without a readable backup and changes nothing', async () => {
    const r = await task('restore', path.join(dataDir, 'missing.tar.gz'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('Usage: npm run db:restore');
  });

  it('refuses to open the database while another process holds it', async () => {
    const { spawn } = await import('node:child_process');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    fs.writeFileSync(path.join(dataDir, 'kko.lock'), JSON.stringify({ pid: holder.pid, port: 1, token: 'x', startedAt: '' }));
    try {
      const r = await task('restore', backup);
      expect(r.code).toBe(1);
      expect(r.out).toContain('Stop the server first');
    } finally {
      holder.kill('SIGKILL');
      fs.rmSync(path.join(dataDir, 'kko.lock'), { force: true });
    }
  });
});
