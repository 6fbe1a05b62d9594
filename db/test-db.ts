import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { env } from '@/env';
import { openPglite, openPostgres, type DbHandle } from './client';
import { useHandle } from './index';
import { migrateDatabase } from './migrate';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a throwaway
 * database on the PostgreSQL server named by DATABASE_URL (dropped afterwards).
 */
export async function createTestDatabase(): Promise<DbHandle & { dispose(): Promise<void> }> {
  const url = env().DATABASE_URL;
  if (!url) {
    const handle = await openPglite(null);
    await migrateDatabase(handle);
    useHandle(handle);
    return { ...handle, dispose: () => handle.close() };
  }
  const name = `kko_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = await openPostgres(testUrl.toString());
  await migrateDatabase(handle);
  useHandle(handle);
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
