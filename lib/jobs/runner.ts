import 'server-only';
import { claimDueJobs, failJob, finishJob, type ClaimedJob } from '@/db/queries/jobs';
import { env } from '@/env';

export type JobHandler = (job: ClaimedJob) => Promise<unknown>;
export type Handlers = Record<string, JobHandler>;
export type RunReport = { key: string; name: string; runAt: Date; ok: boolean; result?: unknown; error?: string };

const MAX_ATTEMPTS = 8;
/** 30 s, 60 s, 120 s … capped at an hour. */
export const retrySeconds = (attempts: number) => Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));

/** Claims and runs this process's share of due jobs once; returns what ran. */
export async function runDueJobs(handlers: Handlers, limit = 10): Promise<RunReport[]> {
  // A run must finish well inside its lease (JOB_LEASE_SECONDS), or another process may take the job over.
  const claimed = await claimDueJobs(Object.keys(handlers), limit, env().JOB_LEASE_SECONDS);
  const reports: RunReport[] = [];
  for (const job of claimed) {
    const handler = handlers[job.name]!;
    try {
      const result = await handler(job);
      await finishJob(job);
      reports.push({ key: job.key, name: job.name, runAt: job.runAt, ok: true, result });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      console.error(`[jobs] ${job.key} failed (attempt ${job.attempts}): ${message}`);
      await failJob(job, message, retrySeconds(job.attempts), job.attempts >= MAX_ATTEMPTS);
      reports.push({ key: job.key, name: job.name, runAt: job.runAt, ok: false, error: message });
    }
  }
  return reports;
}

/** Polls for due jobs in the background; one poll at a time per process. */
export function startJobPoller(handlers: Handlers, opts: { intervalMs: number; onRun?: (r: RunReport) => void }) {
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    runDueJobs(handlers)
      .then((reports) => reports.forEach((r) => opts.onRun?.(r)))
      .catch((err) => console.error('[jobs] poll failed:', (err as Error).message))
      .finally(() => (busy = false));
  };
  const timer = setInterval(tick, opts.intervalMs);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}
