import type { SQL } from 'drizzle-orm';
import { openFromEnv, type Database, type DbHandle } from './client';
import { migrateDatabase } from './migrate';
import { env, isBuildPhase } from '@/env';

export type { Database, DbHandle } from './client';

type Holder = { handle?: Promise<DbHandle> };
// One handle per process, shared across Next's separately bundled server layers and hot reloads.
const holder = ((globalThis as { __kkoDb?: Holder }).__kkoDb ??= {});

/** The process-wide database, opened (and migrated) on first use. Never called during `next build`. */
export function getHandle(): Promise<DbHandle> {
  if (isBuildPhase()) {
    throw new Error('The database must not be opened during next build');
  }
  holder.handle ??= (async () => {
    const handle = await openFromEnv({ port: env().PORT });
    await migrateDatabase(handle);
    return handle;
  })().catch((err) => {
    holder.handle = undefined;
    throw err;
  });
  return holder.handle;
}

export async function getDb(): Promise<Database> {
  return (await getHandle()).db;
}

/** A transaction handle: statements in db/queries that belong together take one. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Runs `fn` in one transaction; lib/ composes db statements with it. */
export async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return (await getDb()).transaction(fn);
}

/** Tests and command-line tasks install their own handle. */
export function useHandle(handle: DbHandle) {
  holder.handle = Promise.resolve(handle);
}

/** Raw SQL for the few set-based queries the query builder cannot express; both drivers return `rows`. */
export async function queryRows<T>(query: SQL): Promise<T[]> {
  const result = (await (await getDb()).execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
