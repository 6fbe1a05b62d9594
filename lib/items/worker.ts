import 'server-only';
import { refreshLearningGainSnapshot } from '@/db/queries/confidence';
import { refreshItemStatsSnapshot } from '@/db/queries/item-stats';
import { getCatalog } from '@/lib/content/catalog';
import { itemKeys } from './keys';

const state = ((globalThis as { __kkoItemStats?: { running?: Promise<void> } }).__kkoItemStats ??= {});

/**
 * Recomputes what content maintainers and operators read from snapshots: the item statistics
 * and the national learning gain. The recurring job `items.refresh` (every
 * ITEM_STATS_REFRESH_MINUTES, default 30) runs it in one process per tick; the snapshot's
 * advisory lock keeps an operator's "refresh now" in another process from computing it twice.
 */
export async function refreshItemStatsNow() {
  // One after the other: the embedded database serves one transaction at a time.
  await refreshItemStatsSnapshot(itemKeys(getCatalog()));
  await refreshLearningGainSnapshot();
}

/** An operator's "refresh now": one refresh at a time per process; callers share it. */
export function refreshItemStats() {
  state.running ??= refreshItemStatsNow()
    .catch((err) => console.error('[item-stats] refresh failed:', (err as Error).message))
    .finally(() => (state.running = undefined));
  return state.running;
}
