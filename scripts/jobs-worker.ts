// A bare job worker: runs the server's scheduled work against DATABASE_URL for WORKER_MS
// milliseconds, printing one JSON line per run. The two-process test starts two of these.
import { openPostgres } from '@/db/client';
import { useHandle } from '@/db';
import { startJobs } from '@/lib/jobs/schedules';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('jobs-worker needs DATABASE_URL (PostgreSQL)');
  process.exit(2);
}
const handle = await openPostgres(url);
useHandle(handle);
const stop = await startJobs((r) =>
  console.log(JSON.stringify({ pid: process.pid, key: r.key, runAt: r.runAt.toISOString(), ok: r.ok, result: r.result, error: r.error })),
);
await new Promise((r) => setTimeout(r, Number(process.env.WORKER_MS ?? 5000)));
stop();
// Let a run in progress finish before the pool closes.
await new Promise((r) => setTimeout(r, 1500));
await handle.close();
