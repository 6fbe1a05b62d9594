import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, DataDirLockedError, guardFor, lockPath, readLock, releaseLock } from './lock';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-lock-'));
  dirs.push(d);
  return d;
};

describe('data directory lock', () => {
  it('refuses a second holder while the first process lives', async () => {
    const dir = tmp();
    // Another live process holds the lock.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    fs.writeFileSync(lockPath(dir), JSON.stringify({ pid: holder.pid, port: 3000, token: 't', startedAt: '' }));
    try {
      expect(() => acquireLock(dir, null)).toThrow(DataDirLockedError);
      expect(() => acquireLock(dir, null)).toThrow(/in use by process .* on port 3000/);
      expect(readLock(dir)?.pid).toBe(holder.pid);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over a stale lock left by a killed process', async () => {
    const dir = tmp();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('exit', r));
    fs.writeFileSync(lockPath(dir), JSON.stringify({ pid: dead.pid, port: null, token: 't', startedAt: '' }));
    const info = acquireLock(dir, null);
    expect(JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')).pid).toBe(process.pid);
    releaseLock(dir, info);
    expect(fs.existsSync(lockPath(dir))).toBe(false);
  });

  it('takes over a stale lock even when a starter died halfway through taking it over', async () => {
    const dir = tmp();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('exit', r));
    const stale = JSON.stringify({ pid: dead.pid, port: null, token: 'old', startedAt: '' });
    fs.writeFileSync(lockPath(dir), stale);
    fs.writeFileSync(guardFor(lockPath(dir), stale), JSON.stringify({ pid: dead.pid, port: null, token: 'mid', startedAt: '' }));
    const info = acquireLock(dir, 4000);
    expect(readLock(dir)).toEqual(info);
    expect(fs.readdirSync(dir)).toEqual(['kko.lock']);
  });

  it('treats an unreadable lock file (a crash while writing it) as stale', () => {
    const dir = tmp();
    fs.writeFileSync(lockPath(dir), '');
    const info = acquireLock(dir, null);
    expect(readLock(dir)?.token).toBe(info.token);
  });
});

describe('embedded database', () => {
  it('cannot be opened twice, even by the same process', async () => {
    const { openPglite } = await import('./client');
    const dir = tmp();
    const first = await openPglite(dir);
    try {
      await expect(openPglite(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await first.close();
    }
    const again = await openPglite(dir);
    await again.close();
  });
});
