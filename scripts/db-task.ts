// npm run db:migrate | db:seed | db:backup [file] | db:restore <file> | db:demo-password <new password>
// The embedded database may be opened by one process only: while the server runs, tasks go
// through it; otherwise this process takes the lock itself.
import fs from 'node:fs';
import path from 'node:path';
import { dataDirFromEnv, openFromEnv, openPglite, pgliteDir } from '@/db/client';
import { useHandle } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { readLock } from '@/db/lock';
import { runOperatorTask, type OperatorTask } from '@/lib/operator/tasks';

const [task, fileArg] = process.argv.slice(2);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function backupFile() {
  if (fileArg) return path.resolve(fileArg);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return path.resolve('backups', `kko-${stamp}.tar.gz`);
}

/** A backup holds the password hashes: readable by its owner only. */
function writePrivate(file: string, data: Buffer) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, data, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

// The new demo password travels in the body, never in a URL or the server's log.
const taskInput = (t: OperatorTask) => (t === 'demo-password' ? { password: fileArg } : undefined);

async function viaServer(t: OperatorTask, lock: NonNullable<ReturnType<typeof readLock>>) {
  const input = taskInput(t);
  const res = await fetch(`http://127.0.0.1:${lock.port}/api/operator/${t}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${lock.token}`, ...(input ? { 'content-type': 'application/json' } : {}) },
    body: input ? JSON.stringify(input) : undefined,
  }).catch((err) => fail(`The server (process ${lock.pid}) holds the database but did not answer on port ${lock.port}: ${err.message}`));
  if (!res.ok) fail(`The server refused the task: ${(await res.json().catch(() => ({}))).error ?? res.status}`);
  if (t === 'backup') {
    const file = backupFile();
    writePrivate(file, Buffer.from(await res.arrayBuffer()));
    console.log(`${decodeURIComponent(res.headers.get('x-kko-log') ?? '')}\nWritten through the running server to ${file}`);
    return;
  }
  console.log(((await res.json()) as { log: string[] }).log.join('\n'));
}

async function direct(t: OperatorTask) {
  const handle = await openFromEnv().catch((err) => fail(err.message));
  useHandle(handle);
  try {
    await migrateDatabase(handle);
    const result = await runOperatorTask({ handle }, t, taskInput(t));
    if (result.backup) {
      const file = backupFile();
      writePrivate(file, Buffer.from(await result.backup.arrayBuffer()));
      result.log.push(`Written to ${file}`);
    }
    console.log(result.log.join('\n'));
  } finally {
    await handle.close();
  }
}

/** Restores into a stopped embedded database; the current one is kept beside it. */
async function restore() {
  if (process.env.DATABASE_URL) fail('Restore PostgreSQL with pg_restore or psql; db:restore is for the embedded database.');
  if (!fileArg || !fs.existsSync(fileArg)) fail('Usage: npm run db:restore -- <backup file written by npm run db:backup>');
  const dataDir = dataDirFromEnv();
  const holder = readLock(dataDir);
  if (holder) fail(`Stop the server first (process ${holder.pid}, port ${holder.port}): a database cannot be replaced while it is in use.`);
  const current = pgliteDir(dataDir);
  const aside = `${current}.before-restore-${Date.now()}`;
  if (fs.existsSync(current)) fs.renameSync(current, aside);
  try {
    const blob = new Blob([fs.readFileSync(fileArg)]);
    const handle = await openPglite(dataDir, { loadDataDir: blob });
    const { rows } = await handle.pglite!.query<{ n: number }>('select count(*)::int as n from schools');
    await handle.close();
    console.log(`Restored ${fileArg} (${rows[0]?.n ?? 0} schools).${fs.existsSync(aside) ? ` The previous database is kept in ${aside}.` : ''}`);
  } catch (err) {
    fs.rmSync(current, { recursive: true, force: true });
    if (fs.existsSync(aside)) fs.renameSync(aside, current);
    fail(`Restore failed, nothing changed: ${(err as Error).message}`);
  }
}

async function main() {
  if (task === 'restore') return restore();
  if (task !== 'migrate' && task !== 'seed' && task !== 'backup' && task !== 'demo-password')
    fail('Usage: db-task migrate|seed|backup [file]|restore <file>|demo-password <new password>');
  if (task === 'demo-password' && !fileArg) fail('Usage: npm run db:demo-password -- <new password>');
  if (!process.env.DATABASE_URL) {
    const dataDir = dataDirFromEnv();
    const holder = readLock(dataDir);
    if (holder) return viaServer(task, holder);
    // Opening an empty directory would create a fresh database and back that up "successfully".
    if (task === 'backup' && !fs.existsSync(path.join(pgliteDir(dataDir), 'PG_VERSION'))) {
      fail(`No database in ${dataDir}: nothing to back up. Set KKO_DATA_DIR to the server's data directory.`);
    }
  } else if (task === 'seed') {
    fail('The demo school is never seeded on PostgreSQL.');
  } else if (task === 'demo-password') {
    fail('Demo accounts exist only in the embedded database; db:demo-password never changes PostgreSQL.');
  } else if (task === 'backup') {
    fail('Back up PostgreSQL with pg_dump; db:backup is for the embedded database.');
  }
  return direct(task);
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
