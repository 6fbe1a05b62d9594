// `npm start`: builds the app when the sources changed since the last build, then serves it.
// The database is opened by the server itself (instrumentation.ts), never by the build.
import { spawnSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildServiceWorker } from './build-sw.mjs';

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
if (!built || !fs.existsSync(path.join(root, 'public/sw.js'))) await buildServiceWorker();
if (!built) {
  console.log('[kko] building the app (first start or sources changed)…');
  const res = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { stdio: 'inherit', env: process.env });
  if (res.status !== 0) process.exit(res.status ?? 1);
  fs.writeFileSync(stamp, current);
}

const port = process.env.PORT || '3000';
// The edge server (scripts/server.mjs) instead of `next start`: it decides which forwarded headers to trust.
const child = spawn(process.execPath, [path.join(root, 'scripts/server.mjs'), '-p', port], {
  stdio: 'inherit',
  env: { ...process.env, PORT: port },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
