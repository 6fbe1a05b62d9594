import 'server-only';
import type { DbHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { syncCatalog } from '@/lib/content/sync';
import { setDemoPassword } from '@/lib/demo/password';
import { seedDemo } from '@/lib/demo/seed';
import { runLtiCommand, type LtiCommand } from '@/lib/lti/server/platforms';

export const OPERATOR_TASKS = ['migrate', 'seed', 'backup', 'lti', 'demo-password'] as const;
export type OperatorTask = (typeof OPERATOR_TASKS)[number];

export type TaskResult = { log: string[]; backup?: Blob; failed?: boolean };

/**
 * The maintenance tasks, run by whichever process holds the database: the server (for the
 * command line, through /api/operator) or the command line itself when no server runs.
 */
export async function runOperatorTask(handle: DbHandle, task: OperatorTask, input?: unknown): Promise<TaskResult> {
  const log: string[] = [];
  switch (task) {
    case 'migrate':
      await migrateDatabase(handle);
      log.push(`Migrations applied; ${await syncCatalog()} modules in the catalog.`);
      return { log };
    case 'seed': {
      if (handle.kind !== 'pglite') throw new Error('The demo school is never seeded on PostgreSQL.');
      const created = await seedDemo((line) => log.push(line));
      if (created.length === 0) log.push('The demo school is already seeded; nothing changed.');
      return { log };
    }
    case 'demo-password': {
      const emails = await setDemoPassword(handle.kind, (input as { password?: unknown } | undefined)?.password);
      log.push(`New password set for ${emails.join(', ')}; their open sessions have ended.`);
      return { log };
    }
    case 'lti': {
      const result = await runLtiCommand(input as LtiCommand);
      return { log: result.log, failed: !result.ok };
    }
    case 'backup': {
      if (!handle.pglite) throw new Error('Backups of PostgreSQL are made with pg_dump.');
      const backup = await handle.pglite.dumpDataDir('gzip');
      log.push(`Backup of ${backup.size} bytes taken.`);
      return { log, backup };
    }
  }
}
