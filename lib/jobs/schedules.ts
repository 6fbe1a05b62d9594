import 'server-only';
import { deleteFinishedJobs, ensureSchedule } from '@/db/queries/jobs';
import { refreshRollupSnapshot } from '@/db/queries/operator';
import { createDueReminders, createWeeklyDigests } from '@/db/queries/reminders';
import { drainGradeOutbox } from '@/lib/lti/server/outbox';
import { runRosterJob } from '@/lib/lti/server/roster';
import { createDueRefreshers } from '@/lib/refreshers/schedule';
import { deliverDueNotifications } from './notifications';
import { startJobPoller, type Handlers, type RunReport } from './runner';

/** Every kind of background work the server does, by job name. */
export const handlers: Handlers = {
  'lti.grade-outbox': () => drainGradeOutbox(),
  'rollup.refresh': () => refreshRollupSnapshot(),
  'reminders.scan': async () => ({ reminders: await createDueReminders(), digests: await createWeeklyDigests() }),
  'refreshers.scan': () => createDueRefreshers(),
  'notifications.deliver': () => deliverDueNotifications(),
  'lti.roster-sync': (job) => runRosterJob(job),
  'jobs.cleanup': () => deleteFinishedJobs(7),
  // Loaded on first use: it brings the PDF renderer, which a process may never need.
  'handouts.prerender': async (job) => (await import('@/lib/handouts/prerender')).prerenderSchoolHandouts(job.payload),
};

const seconds = (env: string | undefined, fallback: number) => Math.max(1, Math.round(Number(env ?? fallback)));

/** The recurring jobs and how often each runs (seconds); one row each, shared by all processes. */
export function recurringJobs(): { key: string; name: keyof typeof handlers; every: number }[] {
  return [
    {
      key: 'lti.grade-outbox',
      name: 'lti.grade-outbox',
      every: seconds(process.env.GRADE_OUTBOX_INTERVAL_MS && String(Number(process.env.GRADE_OUTBOX_INTERVAL_MS) / 1000), 2),
    },
    {
      key: 'rollup.refresh',
      name: 'rollup.refresh',
      every: seconds(process.env.ROLLUP_REFRESH_MINUTES && String(Number(process.env.ROLLUP_REFRESH_MINUTES) * 60), 300),
    },
    { key: 'reminders.scan', name: 'reminders.scan', every: seconds(process.env.REMINDER_SCAN_SECONDS, 900) },
    { key: 'refreshers.scan', name: 'refreshers.scan', every: seconds(process.env.REFRESHER_SCAN_SECONDS, 3600) },
    { key: 'notifications.deliver', name: 'notifications.deliver', every: seconds(process.env.NOTIFY_INTERVAL_SECONDS, 30) },
    { key: 'jobs.cleanup', name: 'jobs.cleanup', every: 86_400 },
  ];
}

/** Registers the recurring jobs and polls for due work in this process (JOBS_POLL_MS, default 1000). */
export async function startJobs(onRun?: (r: RunReport) => void) {
  for (const j of recurringJobs()) await ensureSchedule(j.key, j.name, j.every);
  return startJobPoller(handlers, { intervalMs: Number(process.env.JOBS_POLL_MS ?? 1000), onRun });
}
