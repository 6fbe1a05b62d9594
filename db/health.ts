import 'server-only';
import { sql } from 'drizzle-orm';
import { getHandle } from '@/db';
import { env } from '@/env';

export async function checkDatabase() {
  const kind = env().DATABASE_URL ? 'postgres' : 'pglite';
  try {
    const handle = await getHandle();
    await handle.db.execute(sql`select 1`);
    return { ok: true as const, kind: handle.kind };
  } catch (err) {
    console.error('[health] database check failed:', (err as Error).message);
    return { ok: false as const, kind, error: 'The database is not reachable.' };
  }
}
