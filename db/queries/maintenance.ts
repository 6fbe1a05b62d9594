import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { getHandle, type DbHandle } from '@/db';
import { migrateDatabase } from '@/db/migrate';

// The maintenance statements of `npm run db:*`, on the handle of whichever process holds the
// database: the server's own (through /api/operator) or the command line's when no server runs.

export type Maintenance = { handle: DbHandle };

/** The server's own database, for tasks the command line sent it. */
export async function serverMaintenance(): Promise<Maintenance> {
  return { handle: await getHandle() };
}

/** Whether `token` is the one this server wrote into the data directory's lock file (embedded mode only). */
export async function isOperatorToken(token: string): Promise<boolean> {
  const expected = (await getHandle()).lock?.token ?? '';
  return expected !== '' && token.length === expected.length && timingSafeEqual(Buffer.from(token), Buffer.from(expected));
}

export function migrate({ handle }: Maintenance) {
  return migrateDatabase(handle);
}

export const isEmbedded = ({ handle }: Maintenance) => handle.kind === 'pglite';
export const databaseKind = ({ handle }: Maintenance) => handle.kind;

/** The embedded database's data directory as a gzip tarball; PostgreSQL is backed up with pg_dump. */
export async function dumpEmbeddedDatabase({ handle }: Maintenance): Promise<Blob> {
  if (!handle.pglite) throw new Error('Backups of PostgreSQL are made with pg_dump.');
  return handle.pglite.dumpDataDir('gzip');
}
