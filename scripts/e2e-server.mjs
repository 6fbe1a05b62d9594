// The server Playwright tests against: a production build in its own folder, on a fresh
// embedded database seeded with the demo school and a known password.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { e2eSmtpPort } from '../e2e/smtp-port.mjs';
import { buildServiceWorker } from './build-sw.mjs';
import { buildWorkers } from './build-workers.mjs';

const root = process.cwd();
const port = process.env.E2E_PORT || '3100';
const dataDir = path.join(root, 'data-e2e');
const env = {
  ...process.env,
  NEXT_DIST_DIR: '.next-e2e',
  KKO_DATA_DIR: dataDir,
  DEMO_PASSWORD: process.env.DEMO_PASSWORD || 'e2e-demo-password',
  GRADE_OUTBOX_INTERVAL_MS: '500',
  LTI_ALLOW_LOOPBACK_HTTP: '1',
  // Failed roster syncs are retried after 1 s, 2 s, 4 s… instead of 30 s, 1 min…
  LTI_ROSTER_RETRY_MS: '1000',
  // Mail goes to a test SMTP server that e2e/password-reset.spec.ts runs on this port; while
  // none listens (every other spec), messages wait in the Outbox exactly as without a mail server.
  SMTP_URL: `smtp://127.0.0.1:${e2eSmtpPort(port)}`,
  MAIL_FROM: 'KKO Teach <no-reply@kko.test>',
  MAIL_OUTBOX_INTERVAL_MS: '300',
  PORT: port,
};
delete env.DATABASE_URL;
fs.rmSync(dataDir, { recursive: true, force: true });
await buildServiceWorker();
await buildWorkers();
const next = path.join(root, 'node_modules/next/dist/bin/next');
const build = spawnSync(process.execPath, [next, 'build'], { stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);
const server = spawn(process.execPath, [path.join(root, 'scripts/server.mjs'), '-p', port, '-H', '127.0.0.1'], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
