// Small node-postgres helpers for the bench (the app's own db/ layer is TypeScript behind Next).
import pg from 'pg';
import { PG_ADMIN_URL, databaseUrl } from './options.mjs';

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function databaseExists(name) {
  return withClient(PG_ADMIN_URL, async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount > 0);
}

export async function recreateDatabase(name) {
  await withClient(PG_ADMIN_URL, async (c) => {
    await c.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
    await c.query(`create database ${pg.escapeIdentifier(name)}`);
  });
  return databaseUrl(name);
}

export const ms = (start) => Math.round(performance.now() - start);
