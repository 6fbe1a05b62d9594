import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db';
import { createTestDatabase } from '@/db/test-db';
import { EXPECTED_REMINDERS, seedReminderSchool } from '@/test/reminder-fixture';

const onPostgres = !!process.env.DATABASE_URL;
if (!onPostgres) console.warn('[jobs] two-process test skipped: it needs DATABASE_URL (PGlite is one process by design)');

type RunLine = { pid: number; key: string; runAt: string; ok: boolean; result?: unknown };

function startWorker(url: string, ms: number) {
  const tsx = path.resolve('node_modules/.bin/tsx');
  const child = spawn(tsx, ['--conditions=react-server', 'scripts/jobs-worker.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      WORKER_MS: String(ms),
      JOBS_POLL_MS: '100',
      REMINDER_SCAN_SECONDS: '1',
      NOTIFY_INTERVAL_SECONDS: '1',
      REFRESHER_SCAN_SECONDS: '1',
      DB_POOL_SIZE: '3',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise<RunLine[]>((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0
        ? resolve(
            out
              .split('\n')
              .filter((l) => l.startsWith('{'))
              .map((l) => JSON.parse(l) as RunLine),
          )
        : reject(new Error(`worker exited with ${code}: ${err}`)),
    ),
  );
}

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let school: Awaited<ReturnType<typeof seedReminderSchool>>;
beforeAll(async () => {
  if (!onPostgres) return;
  db = await createTestDatabase();
  school = await seedReminderSchool('twoproc');
});
afterAll(() => db?.dispose());

describe.skipIf(!onPostgres)('scheduled work with two app processes on one PostgreSQL', () => {
  it('makes and delivers each reminder once, and runs each tick of each job once', { timeout: 90_000 }, async () => {
    const [a, b] = await Promise.all([startWorker(db.url!, 6000), startWorker(db.url!, 6000)]);
    const runs = [...a, ...b];

    // Both processes polled the same jobs for the whole window (each exited cleanly); which one
    // wins each claim is timing, so only the union is checked: no (job, tick) ran twice.
    expect(a.length + b.length).toBeGreaterThan(0);
    const ticks = runs.map((r) => `${r.key}@${r.runAt}`);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(runs.filter((r) => r.key === 'reminders.scan').length).toBeGreaterThanOrEqual(3);

    // Each reminder exists once...
    const byId = Object.fromEntries(Object.entries(school.ids).map(([k, v]) => [v, k]));
    const made = await queryRows<{ id: string; kind: string; user_id: string; payload: { moduleId: string }; sent_at: Date | null }>(
      sql`select id, kind, user_id, payload, sent_at from notifications where kind like 'reminder.%'`,
    );
    expect(made.map((r) => `${r.kind}:${byId[r.user_id]}:${r.payload.moduleId}`).sort()).toEqual(EXPECTED_REMINDERS);
    // ...was delivered, by exactly one of the two processes, exactly once.
    const delivered = runs.filter((r) => r.key === 'notifications.deliver').flatMap((r) => r.result as string[]);
    expect(delivered.filter((id) => made.some((m) => m.id === id)).sort()).toEqual(made.map((m) => m.id).sort());
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(made.every((m) => m.sent_at !== null)).toBe(true);
    // The scan "created" counts add up to exactly what exists: no process created one the other did.
    const created = runs.filter((r) => r.key === 'reminders.scan').reduce((n, r) => n + (r.result as { reminders: number }).reminders, 0);
    expect(created).toBe(EXPECTED_REMINDERS.length);

    // Pruning and item statistics are jobs too (every 10 and 30 minutes): in the 6 s window
    // each ran exactly once, in one of the two processes, not once per process.
    for (const key of ['retention.prune', 'items.refresh']) {
      const ran = runs.filter((r) => r.key === key);
      expect(ran, key).toHaveLength(1);
      expect(ran[0]!.ok, key).toBe(true);
    }
  });
});
