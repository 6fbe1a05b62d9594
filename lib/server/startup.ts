import 'server-only';
import { getHandle } from '@/db';
import { syncCatalog } from '@/lib/content/sync';
import { seedDemo } from '@/lib/demo/seed';
import { startJobs } from '@/lib/jobs/schedules';
import { startMailOutboxWorker } from '@/lib/mail/sender';
import { mailConfig } from '@/lib/mail/transport';
import { startItemStatsWorker } from '@/lib/items/worker';
import { preloadRegions } from '@/db/queries/operator';
import { KAZAKHSTAN_REGIONS } from '@/lib/regions/kazakhstan';
import { pdfWorkerCount } from '@/lib/pdf/config';
import { configuredOrigin } from './origin';
import { startPruneWorker } from './prune-worker';
import { ensureAuthSecret } from './secret';

/** Runs once when the server starts: lock and open the database, migrate, sync the catalog, seed the demo. */
export async function prepareServer() {
  // A malformed PUBLIC_URL would print wrong links on every handout: refuse to start instead.
  configuredOrigin();
  // Likewise a malformed SMTP_URL: better no start than mail that silently never leaves.
  mailConfig();
  // And a PDF_WORKERS that is not a number of threads.
  pdfWorkerCount();
  ensureAuthSecret();
  const handle = await getHandle();
  const count = await syncCatalog();
  console.log(`[kko] database: ${handle.kind}${handle.dataDir ? ` (${handle.dataDir})` : ''}; ${count} modules in the catalog`);
  // Reference data, not demo data: PostgreSQL gets the regions too.
  const regionsAdded = await preloadRegions(KAZAKHSTAN_REGIONS);
  if (regionsAdded > 0) console.log(`[kko] added ${regionsAdded} regions of Kazakhstan`);
  if (handle.kind === 'pglite') await seedDemo();
  // Scores, roll-up, reminders, refreshers and notifications: each run once across all server processes.
  await startJobs();
  startPruneWorker();
  // Lease-based like the jobs: several processes may drain the mail outbox, each message goes once.
  startMailOutboxWorker();
  // Item statistics and national learning gain: recomputed under a lock, so one process does it.
  startItemStatsWorker();
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
