import 'server-only';
import { pruneExpiredRows } from '@/db/queries/retention';
import { env } from '@/env';

const state = ((globalThis as { __kkoPrune?: { running?: Promise<void>; started?: boolean } }).__kkoPrune ??= {});

/** One prune at a time per process; a failure is logged and retried at the next tick. */
export function pruneNow() {
  state.running ??= pruneExpiredRows()
    .then((gone) => {
      const total = Object.values(gone).reduce((a, b) => a + b, 0);
      if (total > 0) console.log(`[prune] removed expired rows: ${JSON.stringify(gone)}`);
    })
    .catch((err) => console.error('[prune] failed:', (err as Error).message))
    .finally(() => (state.running = undefined));
  return state.running;
}

/** Clears expired logins, nonces, tickets, sessions, bind links and old throttle keys every PRUNE_INTERVAL_MINUTES (default 10). */
export function startPruneWorker(minutes = env().PRUNE_INTERVAL_MINUTES) {
  if (state.started) return;
  state.started = true;
  void pruneNow();
  const timer = setInterval(() => void pruneNow(), Math.max(1, minutes) * 60_000);
  timer.unref();
}
