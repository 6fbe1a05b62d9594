// The production build in .next-bench served by scripts/server.mjs (the `npm start` server) against the bench database, with RSS sampling.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { buildServiceWorker } from '../scripts/build-sw.mjs';
import { buildWorkers } from '../scripts/build-workers.mjs';
import { AUTH_SECRET, DIST_DIR, OUT_DIR, ROOT } from './options.mjs';

const NEXT = path.join(ROOT, 'node_modules/next/dist/bin/next');
const SOURCES = ['app', 'lib', 'db', 'modules', 'messages', 'auth.ts', 'proxy.ts', 'instrumentation.ts', 'next.config.js', 'package-lock.json'];
// `next build` rewrites these to point at its distDir; they belong to the app, so they are put back.
const REWRITTEN_BY_BUILD = ['tsconfig.json', 'next-env.d.ts'];

function newestMtime(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

/** Builds into .next-bench unless a build newer than every source file is there already. */
export async function buildApp({ rebuild = false, log = console.log } = {}) {
  // The PDF worker is built outside Next (a second of esbuild), so it is always fresh.
  await buildWorkers();
  // public/quiz.js, app.css and sw.js are built outside Next too (what `npm run build` does first).
  await buildServiceWorker();
  const buildId = path.join(ROOT, DIST_DIR, 'BUILD_ID');
  const built = fs.statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  if (!rebuild && built > newest) {
    log(`build: reusing ${DIST_DIR} (newer than the sources; --rebuild to force)`);
    return { reused: true, ms: 0 };
  }
  // A fresh checkout may lack next-env.d.ts (gitignored): only files that exist are put back.
  const saved = REWRITTEN_BY_BUILD.filter((f) => fs.existsSync(path.join(ROOT, f))).map((f) => [f, fs.readFileSync(path.join(ROOT, f))]);
  const t = performance.now();
  try {
    const run = spawnSync(process.execPath, [NEXT, 'build'], {
      cwd: ROOT,
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: '', NODE_ENV: 'production' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`next build failed:\n${run.stdout}\n${run.stderr}`);
    const ms = Math.round(performance.now() - t);
    log(`build: next build into ${DIST_DIR} in ${(ms / 1000).toFixed(1)} s`);
    return { reused: false, ms, output: run.stdout };
  } finally {
    for (const [f, bytes] of saved) {
      const file = path.join(ROOT, f);
      if (!fs.readFileSync(file).equals(bytes)) fs.writeFileSync(file, bytes);
    }
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Every process under `pid` (itself included), from /proc. */
export function processTree(pid) {
  const parent = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, ppid] of parent) if (ppid === tree[i]) tree.push(child);
  return tree.filter((p) => parent.has(p));
}

export function rssKb(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Samples the RSS of a process tree every `everyMs`; stop() gives the peak of the largest process and of the tree. */
export function sampleRss(rootPid, everyMs = 200) {
  let peakProcess = 0;
  let peakTree = 0;
  let last = 0;
  const take = () => {
    const sizes = processTree(rootPid).map(rssKb);
    last = Math.max(0, ...sizes);
    peakProcess = Math.max(peakProcess, last);
    peakTree = Math.max(
      peakTree,
      sizes.reduce((a, b) => a + b, 0),
    );
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peakMb: Math.round(peakProcess / 1024), treeMb: Math.round(peakTree / 1024), endMb: Math.round(last / 1024) };
    },
  };
}

export async function waitForHealth(baseUrl, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      last = `${res.status} ${await res.text()}`;
      if (res.ok) return;
    } catch (err) {
      last = err.cause?.code ?? err.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not become healthy: ${last}`);
}

/** The production server (scripts/server.mjs) on `port` against `databaseUrl`; the log goes to bench/out/server-<label>.log. `nodeArgs`: e.g. --cpu-prof. */
export async function startServer({ databaseUrl, port, label = 'app', env = {}, nodeArgs = [] }) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const logFile = path.join(OUT_DIR, `server-${label}.log`);
  const out = fs.openSync(logFile, 'a');
  // The same edge server as `npm start` (scripts/server.mjs), so the bench measures what production runs.
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'scripts/server.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      AUTH_SECRET,
      PORT: String(port),
      // The LTI scenario's platform serves its key set over http on this machine.
      LTI_ALLOW_LOOPBACK_HTTP: '1',
      // The load generator stands in for a proxy: the cold-handout scenario sends parents' addresses.
      TRUSTED_PROXIES: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const t = performance.now();
  await Promise.race([
    waitForHealth(baseUrl),
    exited.then(({ code, signal }) => {
      throw new Error(`the server exited (${code ?? signal}) before it was healthy; see ${logFile}`);
    }),
  ]);
  const readyMs = Math.round(performance.now() - t);
  return {
    pid: child.pid,
    port,
    baseUrl,
    logFile,
    readyMs,
    exited,
    /** The process that serves requests: the server itself or the largest process under it. */
    serverPid() {
      const tree = processTree(child.pid);
      return tree.reduce((best, p) => (rssKb(p) > rssKb(best) ? p : best), tree[0]);
    },
    tree: () => processTree(child.pid),
    /** SIGKILL to every process of the tree at once (the crash the resilience check needs). */
    kill() {
      for (const p of processTree(child.pid)) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      return exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const tree = processTree(child.pid);
      for (const p of tree) {
        try {
          process.kill(p, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      const timer = setTimeout(
        () =>
          tree.forEach((p) => {
            try {
              process.kill(p, 'SIGKILL');
            } catch {
              /* gone */
            }
          }),
        5_000,
      );
      await exited;
      clearTimeout(timer);
    },
  };
}
