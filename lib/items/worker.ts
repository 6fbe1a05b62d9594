import 'server-only';
import { refreshLearningGainSnapshot } from '@/db/queries/confidence';
import { refreshItemStatsSnapshot } from '@/db/queries/item-stats';
import { getCatalog } from '@/lib/content/catalog';
import { itemKeys } from './keys';
import { env } from '@/env';

const state = ((globalThis as { __kkoItemStats?: { running?: Promise<void> } }).__kkoItemStats ??= {});

/**
 * Recomputes what content maintainers and operators read from snapshots: the item statistics
 * and the national learning gain. One refresh at a time per process; callers share it.
 */
export function refreshItemStats() {
  // One after the other: the embedded database serves one transaction at a time.
  state.running ??= refreshItemStatsSnapshot(itemKeys(getCatalog()))
    .then(() => refreshLearningGainSnapshot())
    .catch((err) => console.error('[item-stats] refresh failed:', (err as Error).message))
    .finally(() => (state.running = undefined));
  return state.running;
}

/** At start and then every ITEM_STATS_REFRESH_MINUTES (default 30). */
export function startItemStatsWorker(minutes = env().ITEM_STATS_REFRESH_MINUTES) {
  void refreshItemStats();
  const timer = setInterval(() => void refreshItemStats(), minutes * 60_000);
  timer.unref();
}
