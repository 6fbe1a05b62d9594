import 'server-only';
import { pruneExpiredRows } from '@/db/queries/retention';

/**
 * Clears expired logins, nonces, tickets, sessions, bind links and old throttle keys. Runs as the
 * recurring job `retention.prune` (every PRUNE_INTERVAL_MINUTES, default 10): one process per tick,
 * however many serve; a failure is retried by the job runner.
 */
export async function pruneExpiredRowsLogged() {
  const gone = await pruneExpiredRows();
  const total = Object.values(gone).reduce((a, b) => a + b, 0);
  if (total > 0) console.log(`[prune] removed expired rows: ${JSON.stringify(gone)}`);
  return gone;
}
