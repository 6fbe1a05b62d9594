// Command-line options and the two scales: full (the DESIGN.md targets) and --quick (about 20x smaller).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.dirname(BENCH_DIR);
export const OUT_DIR = path.join(BENCH_DIR, 'out');
export const DIST_DIR = '.next-bench';
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Every bench user signs in with this password; its bcrypt hash is computed once per seed. */
export const BENCH_PASSWORD = 'bench-password-kko';
export const AUTH_SECRET = 'bench-auth-secret-not-for-production-0123456789';

const FULL = {
  name: 'full',
  database: 'kko_bench',
  regions: 17,
  schools: 7_500,
  teachers: 400_000,
  duration: 20,
  warmup: 3,
  quizTeachers: 2_500,
  resilienceSeconds: 8,
};

const QUICK = {
  name: 'quick',
  database: 'kko_bench_quick',
  regions: 17,
  schools: 375,
  teachers: 20_000,
  duration: 6,
  warmup: 1,
  quizTeachers: 500,
  resilienceSeconds: 4,
};

export function parseOptions(argv = process.argv.slice(2)) {
  const flags = new Set(argv);
  const scale = flags.has('--quick') ? QUICK : FULL;
  const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const database = value('database') ?? scale.database;
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`--database=${database}: use lower-case letters, digits and _`);
  const processes = (value('processes') ?? '').split(',').filter(Boolean).map(Number);
  if (processes.some((n) => !Number.isInteger(n) || n < 1 || n > 8))
    throw new Error(`--processes=${value('processes')}: a list of process counts 1-8, e.g. 1,2`);
  return {
    ...scale,
    /** Another database than the mode's own (several people benching on one PostgreSQL). */
    database,
    /** Also run the scale-out scenarios with this many app processes behind nginx, per count (scale-out.mjs). */
    processes,
    /** Only these scenarios (ids, comma-separated): developing one scenario without the rest of the run. */
    only: value('only')?.split(',').filter(Boolean) ?? null,
    quick: flags.has('--quick'),
    resilience: !flags.has('--no-resilience'),
    /** Keep an already seeded database (development of the bench itself). */
    reuseDb: flags.has('--reuse-db'),
    /** Rebuild even when .next-bench is newer than the sources. */
    rebuild: flags.has('--rebuild'),
    /** Before each scenario, wait up to this long for other work on the machine to calm down (--no-wait: don't). */
    quietWaitMs: flags.has('--no-wait') ? 0 : flags.has('--quick') ? 15_000 : 60_000,
    /**
     * Node flags for the app servers, e.g. --node-arg=--max-old-space-size=256 (to try runtime settings).
     * By default the heap limit `npm start` sets (scripts/start.mjs, KKO_HEAP_MB, 384 MB): the bench measures what production runs.
     */
    nodeArgs: withHeapLimit(argv.filter((a) => a.startsWith('--node-arg=')).map((a) => a.slice('--node-arg='.length))),
    argv,
  };
}

function withHeapLimit(args) {
  if (args.some((a) => a.startsWith('--max-old-space-size'))) return args;
  const mb = process.env.KKO_HEAP_MB || '384';
  return mb === '0' ? args : [`--max-old-space-size=${mb}`, ...args];
}

export function databaseUrl(name) {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}
