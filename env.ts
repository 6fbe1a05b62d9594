import os from 'node:os';
import { z } from 'zod';
// The server edge's own parser: one definition of what TRUSTED_PROXIES may hold.
import { parseTrustedProxies } from './scripts/forwarded.mjs';

/**
 * Every environment variable the app reads, validated once. It sits at the root, beside
 * auth.ts, because db/ and lib/ both read it and db/ may not import lib/. An empty value counts
 * as unset. The README's configuration table lists exactly these variables (env.test.ts checks).
 */
const unset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

function integer(name: string, fallback: number, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}) {
  const what = min === 1 && max === Number.MAX_SAFE_INTEGER ? 'a positive integer' : `an integer from ${min} to ${max}`;
  return z.preprocess(
    unset,
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return fallback;
        const n = Number(value.trim());
        if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
          ctx.addIssue({ code: 'custom', message: `${name} must be ${what} (got "${value}")` });
          return z.NEVER;
        }
        return n;
      }),
  );
}

function positiveNumber(name: string, fallback: number) {
  return z.preprocess(
    unset,
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return fallback;
        const n = Number(value.trim());
        if (!Number.isFinite(n) || n <= 0) {
          ctx.addIssue({ code: 'custom', message: `${name} must be a positive number (got "${value}")` });
          return z.NEVER;
        }
        return n;
      }),
  );
}

const text = () => z.preprocess(unset, z.string().optional());

/** PUBLIC_URL as an origin ("https://teach.example.kz"), or null when unset; throws when it is not one. */
export function parsePublicUrl(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    url = new URL('invalid:');
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.pathname !== '/' ||
    url.search ||
    url.hash ||
    url.username ||
    url.password ||
    !url.hostname
  ) {
    throw new Error(`PUBLIC_URL must be an absolute http(s) address with no path, e.g. https://teach.example.kz (got "${value}")`);
  }
  return url.origin;
}

/** Runs a parser that throws, turning its error into the variable's issue. */
function checked<T>(parse: (value: string | undefined) => T) {
  return z.preprocess(
    unset,
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parse(value);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
          return z.NEVER;
        }
      }),
  );
}

export const envSchema = z.object({
  PORT: integer('PORT', 3000, { min: 1, max: 65535 }),
  DATABASE_URL: checked((value) => {
    if (value !== undefined && !/^postgres(ql)?:\/\//.test(value.trim())) {
      throw new Error('DATABASE_URL must be a postgres:// or postgresql:// connection string');
    }
    return value?.trim();
  }),
  DB_POOL_SIZE: integer('DB_POOL_SIZE', 10),
  AUTH_SECRET: text(),
  DEMO_PASSWORD: text(),
  KKO_DATA_DIR: text(),
  KKO_MODULES_DIR: text(),
  PUBLIC_URL: checked(parsePublicUrl),
  TRUSTED_PROXIES: checked((value) => {
    parseTrustedProxies(value);
    return value?.trim();
  }),
  HANDOUT_CACHE_MB: positiveNumber('HANDOUT_CACHE_MB', 64),
  GRADE_OUTBOX_INTERVAL_MS: integer('GRADE_OUTBOX_INTERVAL_MS', 2000),
  ROLLUP_REFRESH_MINUTES: positiveNumber('ROLLUP_REFRESH_MINUTES', 5),
  REMINDER_SCAN_SECONDS: integer('REMINDER_SCAN_SECONDS', 900),
  REFRESHER_SCAN_SECONDS: integer('REFRESHER_SCAN_SECONDS', 3600),
  NOTIFY_INTERVAL_SECONDS: integer('NOTIFY_INTERVAL_SECONDS', 30),
  JOBS_POLL_MS: integer('JOBS_POLL_MS', 1000),
  JOB_LEASE_SECONDS: integer('JOB_LEASE_SECONDS', 300),
  PRUNE_INTERVAL_MINUTES: positiveNumber('PRUNE_INTERVAL_MINUTES', 10),
  SMTP_URL: checked((value) => {
    if (value !== undefined && !/^smtps?:\/\//.test(value.trim())) {
      throw new Error('SMTP_URL must start with smtp:// or smtps:// (e.g. smtp://user:password@mail.example.kz:587)');
    }
    return value?.trim();
  }),
  MAIL_FROM: text(),
  MAIL_OUTBOX_INTERVAL_MS: integer('MAIL_OUTBOX_INTERVAL_MS', 2000),
  ITEM_STATS_REFRESH_MINUTES: positiveNumber('ITEM_STATS_REFRESH_MINUTES', 30),
  LTI_ALLOW_LOOPBACK_HTTP: checked((value) => {
    if (value === undefined || value.trim() === '0') return false;
    if (value.trim() === '1') return true;
    throw new Error(`LTI_ALLOW_LOOPBACK_HTTP must be 1 or 0 (got "${value}")`);
  }),
  LTI_ROSTER_RETRY_MS: integer('LTI_ROSTER_RETRY_MS', 30_000),
  PDF_WORKERS: integer('PDF_WORKERS', os.availableParallelism(), { min: 0, max: 64 }),
  PDF_WORKER_HEAP_MB: integer('PDF_WORKER_HEAP_MB', 128, { min: 32, max: 4096 }),
  // Read by scripts/start.mjs before the server exists; checked here so a typo is still named.
  KKO_HEAP_MB: integer('KKO_HEAP_MB', 384, { min: 0, max: 65536 }),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses a set of variables; every bad one is named in the error. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '');
    return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
  });
  throw new EnvError(`bad environment: ${problems.join('; ')}`);
}

// One parse per process, shared by Next's separately bundled server layers (as db/index.ts shares its handle).
const holder = ((globalThis as { __kkoEnv?: { env?: Env } }).__kkoEnv ??= {});

/** The validated environment, parsed on first use. The server calls it first thing at start-up. */
export function env(): Env {
  return (holder.env ??= parseEnv(process.env));
}

/** Start-up: a bad environment ends the process with every bad variable named. */
export function checkEnvOrExit() {
  try {
    env();
  } catch (err) {
    console.error(`[kko] cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
}

/**
 * The embedded mode's generated session secret (lib/server/secret.ts): set for this process and
 * for every later reader, since next-auth and other bundles read process.env themselves.
 */
export function provideAuthSecret(secret: string) {
  process.env.AUTH_SECRET = secret;
  holder.env = { ...env(), AUTH_SECRET: secret };
}

/** Tests that change process.env (vi.stubEnv or assignment) call this so the next read sees it. */
export function resetEnvForTests() {
  holder.env = undefined;
}

/** Next's own build-time flags, not configuration: read without parsing the rest. */
export const isBuildPhase = () => process.env.NEXT_PHASE === 'phase-production-build';
export const isDevelopment = () => process.env.NODE_ENV === 'development';
