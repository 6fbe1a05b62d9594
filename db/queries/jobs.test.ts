import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, transaction } from '@/db';
import { createTestDatabase } from '@/db/test-db';
import { runDueJobs } from '@/lib/jobs/runner';
import { claimDueJobs, enqueueJob, ensureSchedule, finishJob } from './jobs';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.dispose());

const job = (key: string) =>
  queryRows<{ run_at: Date; runs: number; attempts: number; done_at: Date | null; last_error: string | null; lease_until: Date | null }>(
    sql`select run_at, runs, attempts, done_at, last_error, lease_until from jobs where key = ${key}`,
  ).then((r) => r[0]!);

describe('jobs', () => {
  it('runs a recurring job once per tick and moves it to the next tick', async () => {
    await ensureSchedule('tick', 'tick', 60);
    const first = (await job('tick')).run_at;
    let calls = 0;
    const handlers = { tick: async () => ++calls };
    expect((await runDueJobs(handlers)).map((r) => r.key)).toEqual(['tick']);
    expect(await runDueJobs(handlers)).toEqual([]);
    expect(calls).toBe(1);
    const after = await job('tick');
    expect(after.runs).toBe(1);
    expect(new Date(after.run_at).getTime() - new Date(first).getTime()).toBe(60_000);
    // Re-registering at start-up keeps the schedule where it is.
    await ensureSchedule('tick', 'tick', 60);
    expect((await job('tick')).run_at).toEqual(after.run_at);
  });

  it('does not hand a leased job to a second claimer, and a stale run cannot finish it twice', async () => {
    await transaction((tx) => enqueueJob(tx, { key: 'once', name: 'once' }));
    const [mine] = await claimDueJobs(['once'], 5, 300);
    expect(mine?.key).toBe('once');
    expect(await claimDueJobs(['once'], 5, 300)).toEqual([]);
    expect(await finishJob(mine!)).toBe(true);
    expect(await finishJob({ ...mine!, runAt: new Date(mine!.runAt.getTime() - 1) })).toBe(false);
    expect((await job('once')).done_at).not.toBeNull();
    // Queueing the same key again is ignored.
    await transaction((tx) => enqueueJob(tx, { key: 'once', name: 'once' }));
    expect(await claimDueJobs(['once'], 5, 300)).toEqual([]);
  });

  it('retries a failed one-off job later with the error kept, and leaves unknown job names alone', async () => {
    await transaction((tx) => enqueueJob(tx, { key: 'flaky', name: 'flaky' }));
    const reports = await runDueJobs({
      flaky: async () => {
        throw new Error('LMS down');
      },
    });
    expect(reports).toMatchObject([{ key: 'flaky', ok: false, error: 'LMS down' }]);
    const row = await job('flaky');
    expect(row.done_at).toBeNull();
    expect(row.last_error).toBe('LMS down');
    expect(row.lease_until).toBeNull();
    expect(new Date(row.run_at).getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await runDueJobs({ other: async () => 1 })).toEqual([]);
  });

  it('takes a job back when its lease ran out (the process died mid-run)', async () => {
    await transaction((tx) => enqueueJob(tx, { key: 'crash', name: 'crash' }));
    const [lost] = await claimDueJobs(['crash'], 1, 0);
    expect(lost).toBeDefined();
    await new Promise((r) => setTimeout(r, 20));
    const [again] = await claimDueJobs(['crash'], 1, 300);
    expect(again?.attempts).toBe(2);
  });
});
