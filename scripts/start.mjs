// `npm start`: builds the app when the sources changed since the last build, then serves it.
// The database is opened by the server itself (instrumentation.ts), never by the build.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildServiceWorker } from './build-sw.mjs';
import { buildWorkers, pdfWorkerFile } from './build-workers.mjs';

const root = process.cwd();
const distDir = process.env.NEXT_DIST_DIR || '.next';
const inputs = ['app', 'lib', 'db', 'modules', 'messages', 'auth.ts', 'proxy.ts', 'instrumentation.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json'];

function fingerprint() {
  const hash = createHash('sha256');
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const f of fs.readdirSync(p).sort()) walk(path.join(p, f));
    else hash.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const i of inputs) walk(path.join(root, i));
  return hash.digest('hex');
}

const stamp = path.join(root, distDir, 'kko-source-fingerprint');
const current = fingerprint();
const built = fs.existsSync(path.join(root, distDir, 'BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === current;
if (!built || !['sw.js', 'quiz.js', 'app.css'].every((f) => fs.existsSync(path.join(root, 'public', f)))) await buildServiceWorker();
if (!built || !fs.existsSync(pdfWorkerFile)) await buildWorkers();
if (!built) {
  console.log('[kko] building the app (first start or sources changed); this takes about two minutes…');
  const started = Date.now();
  // Next prints little while it compiles: a heartbeat shows the build is alive and how long it has run.
  const heartbeat = setInterval(() => console.log(`[kko] still building… ${Math.round((Date.now() - started) / 1000)} s`), 15_000);
  const status = await new Promise((resolve) => {
    const build = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { stdio: 'inherit', env: process.env });
    build.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  clearInterval(heartbeat);
  if (status !== 0) process.exit(status);
  console.log(`[kko] built in ${Math.round((Date.now() - started) / 1000)} s`);
  fs.writeFileSync(stamp, current);
}

const port = process.env.PORT || '3000';
// The edge server (scripts/server.mjs) instead of `next start`: it decides which forwarded headers to trust.
// V8 would otherwise grow the heap towards a quarter of the machine's memory under load; the
// README's Deployment section has the measurements. NODE_OPTIONS with its own limit wins.
const heapMb = process.env.KKO_HEAP_MB || '384';
const heapArgs = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') || heapMb === '0' ? [] : [`--max-old-space-size=${heapMb}`];
const child = spawn(process.execPath, [...heapArgs, path.join(root, 'scripts/server.mjs'), '-p', port], {
  stdio: 'inherit',
  env: { ...process.env, PORT: port },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
