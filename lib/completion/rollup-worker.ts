import 'server-only';
import { refreshRollupSnapshot } from '@/db/queries/operator';

const state = ((globalThis as { __kkoRollup?: { running?: Promise<void> } }).__kkoRollup ??= {});

/** One refresh at a time per process; callers share the one in progress. */
export function refreshRollup() {
  state.running ??= refreshRollupSnapshot()
    .catch((err) => console.error('[rollup] refresh failed:', (err as Error).message))
    .finally(() => (state.running = undefined));
  return state.running;
}

/** Recomputes the national roll-up at start and then every ROLLUP_REFRESH_MINUTES (default 5). */
export function startRollupWorker(minutes = Number(process.env.ROLLUP_REFRESH_MINUTES ?? 5)) {
  void refreshRollup();
  const timer = setInterval(() => void refreshRollup(), minutes * 60_000);
  timer.unref();
}
