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
