import 'server-only';
import { refreshItemStatsSnapshot } from '@/db/queries/item-stats';
import { getCatalog } from '@/lib/content/catalog';
import { itemKeys } from './keys';

const state = ((globalThis as { __kkoItemStats?: { running?: Promise<void> } }).__kkoItemStats ??= {});

/** One refresh at a time per process; callers share the one in progress. */
export function refreshItemStats() {
  state.running ??= refreshItemStatsSnapshot(itemKeys(getCatalog()))
    .catch((err) => console.error('[item-stats] refresh failed:', (err as Error).message))
    .finally(() => (state.running = undefined));
  return state.running;
}

/** Recomputes the item statistics at start and then every ITEM_STATS_REFRESH_MINUTES (default 30). */
export function startItemStatsWorker(minutes = Number(process.env.ITEM_STATS_REFRESH_MINUTES ?? 30)) {
  void refreshItemStats();
  const timer = setInterval(() => void refreshItemStats(), minutes * 60_000);
  timer.unref();
}
