import 'server-only';
import { deleteFinishedJobs, ensureSchedule } from '@/db/queries/jobs';
import { refreshRollupSnapshot } from '@/db/queries/operator';
import { createDueReminders, createWeeklyDigests } from '@/db/queries/reminders';
import { drainGradeOutbox } from '@/lib/lti/server/outbox';
import { runRosterJob } from '@/lib/lti/server/roster';
import { createDueRefreshers } from '@/lib/refreshers/schedule';
import { refreshItemStatsNow } from '@/lib/items/worker';
import { pruneExpiredRowsLogged } from '@/lib/server/prune-worker';
import { deliverDueNotifications } from './notifications';
import { startJobPoller, type Handlers, type RunReport } from './runner';
import { env } from '@/env';

/** Every kind of background work the server does, by job name. */
export const handlers: Handlers = {
  'lti.grade-outbox': () => drainGradeOutbox(),
  'rollup.refresh': () => refreshRollupSnapshot(),
  'reminders.scan': async () => ({ reminders: await createDueReminders(), digests: await createWeeklyDigests() }),
  'refreshers.scan': () => createDueRefreshers(),
  'notifications.deliver': () => deliverDueNotifications(),
  'lti.roster-sync': (job) => runRosterJob(job),
  'jobs.cleanup': () => deleteFinishedJobs(7),
  'retention.prune': () => pruneExpiredRowsLogged(),
  'items.refresh': () => refreshItemStatsNow(),
  // Loaded on first use: it brings the PDF renderer, which a process may never need.
  'handouts.prerender': async (job) => (await import('@/lib/handouts/prerender')).prerenderSchoolHandouts(job.payload),
};

const seconds = (value: number) => Math.max(1, Math.round(value));

/** The recurring jobs and how often each runs (seconds); one row each, shared by all processes. */
export function recurringJobs(): { key: string; name: keyof typeof handlers; every: number }[] {
  const config = env();
  return [
    { key: 'lti.grade-outbox', name: 'lti.grade-outbox', every: seconds(config.GRADE_OUTBOX_INTERVAL_MS / 1000) },
    { key: 'rollup.refresh', name: 'rollup.refresh', every: seconds(config.ROLLUP_REFRESH_MINUTES * 60) },
    { key: 'reminders.scan', name: 'reminders.scan', every: seconds(config.REMINDER_SCAN_SECONDS) },
    { key: 'refreshers.scan', name: 'refreshers.scan', every: seconds(config.REFRESHER_SCAN_SECONDS) },
    { key: 'notifications.deliver', name: 'notifications.deliver', every: seconds(config.NOTIFY_INTERVAL_SECONDS) },
    { key: 'jobs.cleanup', name: 'jobs.cleanup', every: 86_400 },
    { key: 'retention.prune', name: 'retention.prune', every: seconds(config.PRUNE_INTERVAL_MINUTES * 60) },
    { key: 'items.refresh', name: 'items.refresh', every: seconds(config.ITEM_STATS_REFRESH_MINUTES * 60) },
  ];
}

/** Registers the recurring jobs and polls for due work in this process (JOBS_POLL_MS, default 1000). */
export async function startJobs(onRun?: (r: RunReport) => void) {
  for (const j of recurringJobs()) await ensureSchedule(j.key, j.name, j.every);
  return startJobPoller(handlers, { intervalMs: env().JOBS_POLL_MS, onRun });
}
