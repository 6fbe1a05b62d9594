// A process that races for the data directory lock when its parent says "go" (db/lock-race.test.ts).
import { acquireLock, DataDirLockedError } from '../db/lock';

const dataDir = process.argv[2]!;

process.on('message', (msg: { round: number; at: number }) => {
  // Spin until the shared start instant, so all contenders hit the stale lock together.
  while (Date.now() < msg.at);
  let outcome: string;
  try {
    acquireLock(dataDir, null);
    outcome = 'won';
  } catch (err) {
    outcome = err instanceof DataDirLockedError ? 'locked' : `error: ${(err as Error).message}`;
  }
  process.send!({ round: msg.round, outcome });
});
process.send!({ ready: true });
