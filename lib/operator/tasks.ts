import 'server-only';
import { databaseKind, dumpEmbeddedDatabase, isEmbedded, migrate, type Maintenance } from '@/db/queries/maintenance';
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
export async function runOperatorTask(db: Maintenance, task: OperatorTask, input?: unknown): Promise<TaskResult> {
  const log: string[] = [];
  switch (task) {
    case 'migrate':
      await migrate(db);
      log.push(`Migrations applied; ${await syncCatalog()} modules in the catalog.`);
      return { log };
    case 'seed': {
      if (!isEmbedded(db)) throw new Error('The demo school is never seeded on PostgreSQL.');
      const created = await seedDemo((line) => log.push(line));
      if (created.length === 0) log.push('The demo school is already seeded; nothing changed.');
      return { log };
    }
    case 'demo-password': {
      const emails = await setDemoPassword(databaseKind(db), (input as { password?: unknown } | undefined)?.password);
      log.push(`New password set for ${emails.join(', ')}; their open sessions have ended.`);
      return { log };
    }
    case 'lti': {
      const result = await runLtiCommand(input as LtiCommand);
      return { log: result.log, failed: !result.ok };
    }
    case 'backup': {
      const backup = await dumpEmbeddedDatabase(db);
      log.push(`Backup of ${backup.size} bytes taken.`);
      return { log, backup };
    }
  }
}
