import { createHash, randomBytes } from 'node:crypto';
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

function parse(raw: string): LockInfo | null {
  try {
    const info = JSON.parse(raw) as LockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

function readRaw(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** The live holder of the lock, or null when the lock is free or stale. */
export function readLock(dataDir: string): LockInfo | null {
  const raw = readRaw(lockPath(dataDir));
  const info = raw === null ? null : parse(raw);
  return info && isAlive(info.pid) ? info : null;
}

/** Creates `file` with its whole content in one step (write aside, then link), or reports that it exists. */
function createWhole(file: string, content: string): boolean {
  const temp = path.join(path.dirname(file), `.kko-lock-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  fs.writeFileSync(temp, content, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

type Claim = { won: true } | { won: false; holder: LockInfo | null };

/** Only the holder of this guard may delete a file whose content is `raw` (its random token makes it unique). */
export function guardFor(lockFile: string, raw: string) {
  return `${lockFile}.takeover-${createHash('sha256').update(raw).digest('hex').slice(0, 24)}`;
}

/**
 * Takes `file`, or takes over a stale one. Deleting and re-creating a stale lock is a race
 * (two starters both delete and one deletes the other's fresh lock), so the deletion is
 * guarded by a second exclusive file named for the stale content; a guard whose holder died
 * is taken over the same way.
 */
function claim(lockFile: string, file: string, content: string, depth: number): Claim {
  if (createWhole(file, content)) return { won: true };
  const raw = readRaw(file);
  if (raw === null) return { won: false, holder: null };
  const holder = parse(raw);
  if (holder && isAlive(holder.pid)) return { won: false, holder };
  if (depth > 8) return { won: false, holder: null };
  const guard = guardFor(lockFile, raw);
  const guardContent = JSON.stringify({ ...JSON.parse(content), guards: path.basename(file), nonce: randomBytes(8).toString('hex') });
  const g = claim(lockFile, guard, guardContent, depth + 1);
  // Another live process is taking this stale file over: let it finish, then look again.
  if (!g.won) return { won: false, holder: null };
  try {
    if (readRaw(file) === raw) fs.rmSync(file);
    return createWhole(file, content) ? { won: true } : { won: false, holder: null };
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

/** Guards left by processes that died mid-takeover; harmless, but they should not pile up. */
function removeDeadGuards(dataDir: string) {
  for (const name of fs.readdirSync(dataDir)) {
    if (!/^kko\.lock\.takeover-[0-9a-f]{24}$/.test(name)) continue;
    const raw = readRaw(path.join(dataDir, name));
    const info = raw === null ? null : parse(raw);
    if (!info || !isAlive(info.pid)) fs.rmSync(path.join(dataDir, name), { force: true });
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function acquireLock(dataDir: string, port: number | null): LockInfo {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = lockPath(dataDir);
  const info: LockInfo = {
    pid: process.pid,
    port,
    token: randomBytes(24).toString('hex'),
    startedAt: new Date().toISOString(),
  };
  const content = JSON.stringify(info);
  for (let tries = 0; tries < 200; tries++) {
    const result = claim(file, file, content, 0);
    if (result.won) {
      process.once('exit', () => releaseLock(dataDir, info));
      removeDeadGuards(dataDir);
      return info;
    }
    if (result.holder) throw new DataDirLockedError(dataDir, result.holder);
    pause(5 + Math.floor(Math.random() * 10));
  }
  throw new Error(`Could not take the lock ${file}: other processes kept taking it over`);
}

export function releaseLock(dataDir: string, info: LockInfo) {
  const raw = readRaw(lockPath(dataDir));
  const current = raw === null ? null : parse(raw);
  if (current?.pid === info.pid && current.token === info.token) fs.rmSync(lockPath(dataDir), { force: true });
}
