import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, queryRows, type Tx } from '@/db';

export type ClaimedJob = { key: string; name: string; payload: Record<string, unknown>; runAt: Date; everySeconds: number | null; attempts: number };

type JobRow = { key: string; name: string; payload: Record<string, unknown>; run_at: Date | string; every_seconds: number | null; attempts: number };
const toClaimed = (r: JobRow): ClaimedJob => ({
  key: r.key,
  name: r.name,
  payload: r.payload,
  runAt: new Date(r.run_at),
  everySeconds: r.every_seconds,
  attempts: r.attempts,
});

/** Makes a recurring job exist; a changed interval is kept, the next run time is not moved. */
export async function ensureSchedule(key: string, name: string, everySeconds: number) {
  const db = await getDb();
  await db.execute(sql`
    insert into jobs (key, name, every_seconds, run_at) values (${key}, ${name}, ${everySeconds}, date_trunc('milliseconds', now()))
    on conflict (key) do update set every_seconds = excluded.every_seconds, name = excluded.name, done_at = null`);
}

/** Queues a one-off job; the key makes queueing idempotent (a second call with the same key is ignored). */
export async function enqueueJob(tx: Tx, job: { key: string; name: string; payload?: Record<string, unknown>; runAt?: Date }) {
  await tx.execute(sql`
    insert into jobs (key, name, payload, run_at)
    values (${job.key}, ${job.name}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${job.runAt ? job.runAt.toISOString() : sql`date_trunc('milliseconds', now())`}::timestamptz)
    on conflict (key) do nothing`);
}

/**
 * Claims due jobs for this process: `for update skip locked` keeps two processes off the same
 * row, and the lease keeps it ours after commit; a process that dies mid-run loses the lease.
 */
export async function claimDueJobs(names: string[], limit: number, leaseSeconds: number): Promise<ClaimedJob[]> {
  if (names.length === 0) return [];
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { rows } = (await tx.execute(sql`
      with due as (
        select key from jobs
        where done_at is null and run_at <= now() and (lease_until is null or lease_until < now())
          and name in ${names}
        order by run_at
        limit ${limit}
        for update skip locked
      )
      update jobs j set lease_until = now() + make_interval(secs => ${leaseSeconds}), attempts = j.attempts + 1
      from due where j.key = due.key
      returning j.key, j.name, j.payload, j.run_at, j.every_seconds, j.attempts`)) as unknown as { rows: JobRow[] };
    return rows.map(toClaimed);
  });
}

// Run times are kept to the millisecond so a claimed run can be matched exactly from JavaScript.
/**
 * Ends a run. A recurring job moves to its next tick after now (skipped ticks are not replayed);
 * a one-off job is done. `run_at` must still be the claimed one, so a run whose lease ran out
 * and was taken over cannot move the schedule twice.
 */
export async function finishJob(job: ClaimedJob) {
  const db = await getDb();
  const rows = await queryRowsOn(
    db,
    sql`
    update jobs set
      lease_until = null, attempts = 0, runs = runs + 1, last_run_at = now(), last_error = null,
      run_at = case when every_seconds is null then run_at
        else run_at + make_interval(secs => every_seconds * greatest(1, ceil(extract(epoch from now() - run_at) / every_seconds)::int)) end,
      done_at = case when every_seconds is null then now() else null end
    where key = ${job.key} and run_at = ${job.runAt.toISOString()}::timestamptz
    returning key`,
  );
  return rows.length === 1;
}

/** A failed run: a recurring job waits for its next tick, a one-off retries after `retrySeconds` or gives up. */
export async function failJob(job: ClaimedJob, error: string, retrySeconds: number, giveUp: boolean) {
  const db = await getDb();
  await db.execute(sql`
    update jobs set
      lease_until = null, last_error = ${error.slice(0, 500)}, last_run_at = now(),
      run_at = case when every_seconds is null then date_trunc('milliseconds', now()) + make_interval(secs => ${retrySeconds})
        else run_at + make_interval(secs => every_seconds * greatest(1, ceil(extract(epoch from now() - run_at) / every_seconds)::int)) end,
      attempts = case when every_seconds is null then attempts else 0 end,
      done_at = case when every_seconds is null and ${giveUp} then now() else null end
    where key = ${job.key} and run_at = ${job.runAt.toISOString()}::timestamptz`);
}

/** One-off jobs finished more than `days` ago; recurring jobs are never done, so they stay. */
export async function deleteFinishedJobs(days: number) {
  const rows = await queryRows<{ key: string }>(sql`delete from jobs where done_at < now() - make_interval(days => ${days}) returning key`);
  return rows.length;
}

export async function listJobs() {
  return queryRows<{ key: string; name: string; run_at: Date; runs: number; last_error: string | null; last_run_at: Date | null; done_at: Date | null }>(
    sql`select key, name, run_at, runs, last_error, last_run_at, done_at from jobs order by key`,
  );
}

async function queryRowsOn(db: Awaited<ReturnType<typeof getDb>>, query: ReturnType<typeof sql>) {
  return ((await db.execute(query)) as unknown as { rows: { key: string }[] }).rows;
}
