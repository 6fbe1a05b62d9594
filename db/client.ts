import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';
import { acquireLock, releaseLock, type LockInfo } from './lock';
import { makePrivate } from './private-dir';
import { env } from '@/env';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = 'pglite' | 'postgres';

export type DbHandle = {
  db: Database;
  kind: DbKind;
  /** Present in embedded mode: backups need the raw instance. */
  pglite?: PGlite;
  lock?: LockInfo;
  dataDir?: string;
  /** Present for PostgreSQL. */
  url?: string;
  close(): Promise<void>;
};

// The data directory is chosen at run time and never shipped with the build: without the
// turbopackIgnore hints Turbopack's file tracer cannot resolve the path and traces the whole project.
export function dataDirFromEnv() {
  return path.resolve(/* turbopackIgnore: true */ env().KKO_DATA_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), 'data'));
}

export function pgliteDir(dataDir: string) {
  return path.join(/* turbopackIgnore: true */ dataDir, 'pgdata');
}

export async function openPostgres(url: string): Promise<DbHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: env().DB_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
    // The app's queries are short; JIT compilation only ever added latency to them.
    options: '-c jit=off',
  });
  // An idle client losing its server (restart) must not crash the process.
  pool.on('error', (err) => console.error('[db] idle PostgreSQL client error:', err.message));
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  return { db, kind: 'postgres', url, close: () => pool.end() };
}

/**
 * Opens the embedded database after taking the data directory's exclusive lock.
 * `dataDir: null` gives an in-memory database (tests).
 */
export async function openPglite(dataDir: string | null, opts: { port?: number | null; loadDataDir?: Blob } = {}): Promise<DbHandle> {
  if (dataDir === null) {
    const client = await PGlite.create();
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    return { db, kind: 'pglite', pglite: client, close: () => client.close() };
  }
  makePrivate(dataDir);
  const lock = acquireLock(dataDir, opts.port ?? null);
  try {
    const client = await PGlite.create({ dataDir: pgliteDir(dataDir), loadDataDir: opts.loadDataDir });
    // PGlite chmods the files it unpacks at creation and a few it rewrites at start-up (0666, 0644).
    makePrivate(dataDir);
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    return {
      db,
      kind: 'pglite',
      pglite: client,
      lock,
      dataDir,
      close: async () => {
        await client.close();
        releaseLock(dataDir, lock);
      },
    };
  } catch (err) {
    releaseLock(dataDir, lock);
    throw err;
  }
}

export function openFromEnv(opts: { port?: number | null } = {}): Promise<DbHandle> {
  const url = env().DATABASE_URL;
  return url ? openPostgres(url) : openPglite(dataDirFromEnv(), opts);
}
