import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite writes a fake PID to postmaster.pid, so Postgres's own lock never stops a second
 * process from opening the directory and silently corrupting it. This lockfile does.
 */
export type LockInfo = { pid: number; port: number | null; token: string; startedAt: string };

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${holder.pid}` +
        (holder.port ? ` (the server on port ${holder.port})` : '') +
        '. Only one process may open it. Stop that process, or run the task through the running server.',
    );
  }
}

export function lockPath(dataDir: string) {
  return path.join(dataDir, 'kko.lock');
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of the lock, or null when the lock is free or stale. */
export function readLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return isAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

export function acquireLock(dataDir: string, port: number | null): LockInfo {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  const info: LockInfo = {
    pid: process.pid,
    port,
    token: randomBytes(24).toString('hex'),
    startedAt: new Date().toISOString(),
  };
  for (let tries = 0; tries < 3; tries++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify(info));
      fs.closeSync(fd);
      process.once('exit', () => releaseLock(dataDir, info));
      return info;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(dataDir);
      if (holder) throw new DataDirLockedError(dataDir, holder);
      // Stale: its process died (crash, SIGKILL). Remove and retry the exclusive create.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}

export function releaseLock(dataDir: string, info: LockInfo) {
  try {
    const current = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    if (current.pid === info.pid && current.token === info.token) fs.rmSync(lockPath(dataDir));
  } catch {
    // already gone
  }
}
