import 'server-only';
import { getHandle } from '@/db';
import { syncCatalog } from '@/lib/content/sync';
import { seedDemo } from '@/lib/demo/seed';
import { startJobs } from '@/lib/jobs/schedules';
import { startMailOutboxWorker } from '@/lib/mail/sender';
import { preloadRegions } from '@/db/queries/operator';
import { KAZAKHSTAN_REGIONS } from '@/lib/regions/kazakhstan';
import { ensureAuthSecret } from './secret';
import { env } from '@/env';

/** Runs once when the server starts: lock and open the database, migrate, sync the catalog, seed the demo. */
export async function prepareServer() {
  // Every variable is checked before anything runs: a malformed PUBLIC_URL would print wrong
  // links on every handout, a bad SMTP_URL would leave mail silently unsent. Refuse to start instead.
  env();
  ensureAuthSecret();
  const handle = await getHandle();
  const count = await syncCatalog();
  console.log(`[kko] database: ${handle.kind}${handle.dataDir ? ` (${handle.dataDir})` : ''}; ${count} modules in the catalog`);
  // Reference data, not demo data: PostgreSQL gets the regions too.
  const regionsAdded = await preloadRegions(KAZAKHSTAN_REGIONS);
  if (regionsAdded > 0) console.log(`[kko] added ${regionsAdded} regions of Kazakhstan`);
  if (handle.kind === 'pglite') await seedDemo();
  // Scores, roll-up, reminders, refreshers, notifications, pruning and item statistics: each tick
  // runs in one of the server processes (the jobs table), however many there are.
  await startJobs();
  // Lease-based like the jobs: several processes may drain the mail outbox, each message goes once.
  startMailOutboxWorker();
}

/** A server that cannot lock, migrate or seed its database must not serve requests. */
export async function startServerOrExit() {
  try {
    await prepareServer();
  } catch (err) {
    console.error(`[kko] cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
}
