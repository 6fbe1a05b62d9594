import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { env, envSchema, parseEnv, provideAuthSecret, resetEnvForTests } from '@/env';
import { configuredOrigin } from '@/lib/server/origin';
import { mailConfig } from '@/lib/mail/transport';
import { recurringJobs } from '@/lib/jobs/schedules';

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

const names = Object.keys(envSchema.shape).sort();

describe('environment defaults', () => {
  it('an empty environment gives the documented defaults', () => {
    expect(parseEnv({})).toEqual({
      PORT: 3000,
      DATABASE_URL: undefined,
      DB_POOL_SIZE: 10,
      AUTH_SECRET: undefined,
      DEMO_PASSWORD: undefined,
      KKO_DATA_DIR: undefined,
      KKO_MODULES_DIR: undefined,
      PUBLIC_URL: null,
      TRUSTED_PROXIES: undefined,
      HANDOUT_CACHE_MB: 64,
      GRADE_OUTBOX_INTERVAL_MS: 2000,
      ROLLUP_REFRESH_MINUTES: 5,
      REMINDER_SCAN_SECONDS: 900,
      REFRESHER_SCAN_SECONDS: 3600,
      NOTIFY_INTERVAL_SECONDS: 30,
      JOBS_POLL_MS: 1000,
      JOB_LEASE_SECONDS: 300,
      PRUNE_INTERVAL_MINUTES: 10,
      SMTP_URL: undefined,
      MAIL_FROM: undefined,
      MAIL_OUTBOX_INTERVAL_MS: 2000,
      ITEM_STATS_REFRESH_MINUTES: 30,
      LTI_ALLOW_LOOPBACK_HTTP: false,
      LTI_ROSTER_RETRY_MS: 30_000,
      PDF_WORKERS: os.availableParallelism(),
      PDF_WORKER_HEAP_MB: 128,
      KKO_HEAP_MB: 384,
    });
  });

  it('an empty or blank value counts as unset', () => {
    const blank = Object.fromEntries(names.map((name) => [name, '  ']));
    expect(parseEnv(blank)).toEqual(parseEnv({}));
  });

  it('parses good values into their types', () => {
    const parsed = parseEnv({
      PORT: '8080',
      DATABASE_URL: 'postgresql://u:p@db:5432/kko',
      DB_POOL_SIZE: '25',
      PUBLIC_URL: 'https://Teach.Example.kz:8443/',
      TRUSTED_PROXIES: '127.0.0.1, ::1, 10.0.0.0/8',
      HANDOUT_CACHE_MB: '0.5',
      ROLLUP_REFRESH_MINUTES: '0.5',
      SMTP_URL: ' smtps://u:p@mail.example.kz:465 ',
      LTI_ALLOW_LOOPBACK_HTTP: '1',
      LTI_ROSTER_RETRY_MS: '300',
    });
    expect(parsed).toMatchObject({
      PORT: 8080,
      DATABASE_URL: 'postgresql://u:p@db:5432/kko',
      DB_POOL_SIZE: 25,
      PUBLIC_URL: 'https://teach.example.kz:8443',
      HANDOUT_CACHE_MB: 0.5,
      ROLLUP_REFRESH_MINUTES: 0.5,
      SMTP_URL: 'smtps://u:p@mail.example.kz:465',
      LTI_ALLOW_LOOPBACK_HTTP: true,
      LTI_ROSTER_RETRY_MS: 300,
    });
    expect(parseEnv({ LTI_ALLOW_LOOPBACK_HTTP: '0' }).LTI_ALLOW_LOOPBACK_HTTP).toBe(false);
  });
});

// Each bad value, and the words the start-up error must carry (always the variable's name).
const bad: [name: string, value: string, message: RegExp][] = [
  ['PORT', '0', /PORT must be an integer from 1 to 65535 \(got "0"\)/],
  ['PORT', '70000', /PORT must be an integer from 1 to 65535/],
  ['DATABASE_URL', 'mysql://db/kko', /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\//],
  ['DB_POOL_SIZE', 'ten', /DB_POOL_SIZE must be a positive integer \(got "ten"\)/],
  ['DB_POOL_SIZE', '0', /DB_POOL_SIZE must be a positive integer/],
  ['DB_POOL_SIZE', '2.5', /DB_POOL_SIZE must be a positive integer/],
  ['PUBLIC_URL', 'teach.example.kz', /PUBLIC_URL must be an absolute http\(s\) address/],
  ['PUBLIC_URL', 'https://teach.example.kz/app', /PUBLIC_URL must be an absolute http\(s\) address/],
  ['TRUSTED_PROXIES', '10.0.0.0/99', /TRUSTED_PROXIES: "10.0.0.0\/99" is not an IP address or CIDR range/],
  ['HANDOUT_CACHE_MB', '-1', /HANDOUT_CACHE_MB must be a positive number \(got "-1"\)/],
  ['GRADE_OUTBOX_INTERVAL_MS', 'soon', /GRADE_OUTBOX_INTERVAL_MS must be a positive integer/],
  ['ROLLUP_REFRESH_MINUTES', 'x', /ROLLUP_REFRESH_MINUTES must be a positive number/],
  ['REMINDER_SCAN_SECONDS', '-5', /REMINDER_SCAN_SECONDS must be a positive integer/],
  ['REFRESHER_SCAN_SECONDS', '1e3', /REFRESHER_SCAN_SECONDS must be a positive integer/],
  ['NOTIFY_INTERVAL_SECONDS', '0', /NOTIFY_INTERVAL_SECONDS must be a positive integer/],
  ['JOBS_POLL_MS', 'fast', /JOBS_POLL_MS must be a positive integer/],
  ['JOB_LEASE_SECONDS', '0', /JOB_LEASE_SECONDS must be a positive integer/],
  ['PRUNE_INTERVAL_MINUTES', '0', /PRUNE_INTERVAL_MINUTES must be a positive number/],
  ['SMTP_URL', 'http://mail.example.kz', /SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
  ['MAIL_OUTBOX_INTERVAL_MS', '-1', /MAIL_OUTBOX_INTERVAL_MS must be a positive integer/],
  ['ITEM_STATS_REFRESH_MINUTES', 'never', /ITEM_STATS_REFRESH_MINUTES must be a positive number/],
  ['LTI_ALLOW_LOOPBACK_HTTP', 'yes', /LTI_ALLOW_LOOPBACK_HTTP must be 1 or 0 \(got "yes"\)/],
  ['LTI_ROSTER_RETRY_MS', 'abc', /LTI_ROSTER_RETRY_MS must be a positive integer/],
  ['PDF_WORKERS', 'two', /PDF_WORKERS must be an integer from 0 to 64 \(got "two"\)/],
  ['PDF_WORKERS', '-1', /PDF_WORKERS must be an integer from 0 to 64/],
  ['PDF_WORKER_HEAP_MB', '16', /PDF_WORKER_HEAP_MB must be an integer from 32 to 4096/],
  ['KKO_HEAP_MB', 'big', /KKO_HEAP_MB must be an integer from 0 to 65536/],
];

describe('bad values', () => {
  it.each(bad)('%s=%s is refused with a message naming it', (name, value, message) => {
    expect(() => parseEnv({ [name]: value })).toThrow(message);
  });

  it('every variable that has a format has a bad-value case', () => {
    const free = ['AUTH_SECRET', 'DEMO_PASSWORD', 'KKO_DATA_DIR', 'KKO_MODULES_DIR', 'MAIL_FROM'];
    expect([...new Set(bad.map(([name]) => name)), ...free].sort()).toEqual(names);
  });

  it('names every bad variable at once', () => {
    expect(() => parseEnv({ DB_POOL_SIZE: 'x', PUBLIC_URL: 'nope' })).toThrow(/DB_POOL_SIZE.*; PUBLIC_URL/);
  });

  it('env() throws on a bad process environment, so the server stops at start-up', () => {
    vi.stubEnv('DB_POOL_SIZE', 'lots');
    expect(() => env()).toThrow(/DB_POOL_SIZE must be a positive integer \(got "lots"\)/);
  });
});

describe('read once', () => {
  it('every reader sees the value parsed first, until reset', () => {
    vi.stubEnv('PUBLIC_URL', 'https://one.example.kz');
    vi.stubEnv('SMTP_URL', 'smtp://mail.example.kz');
    vi.stubEnv('ROLLUP_REFRESH_MINUTES', '2');
    expect(configuredOrigin()).toBe('https://one.example.kz');
    vi.stubEnv('PUBLIC_URL', 'https://two.example.kz');
    vi.stubEnv('ROLLUP_REFRESH_MINUTES', '7');
    expect(configuredOrigin()).toBe('https://one.example.kz');
    expect(mailConfig()!.from).toBe('KKO Teach <no-reply@one.example.kz>');
    expect(recurringJobs().find((j) => j.key === 'rollup.refresh')!.every).toBe(120);
    resetEnvForTests();
    expect(configuredOrigin()).toBe('https://two.example.kz');
    expect(recurringJobs().find((j) => j.key === 'rollup.refresh')!.every).toBe(420);
  });

  it('the generated session secret reaches every later reader and process.env', () => {
    vi.stubEnv('AUTH_SECRET', '');
    expect(env().AUTH_SECRET).toBeUndefined();
    provideAuthSecret('generated-secret');
    expect(env().AUTH_SECRET).toBe('generated-secret');
    expect(process.env.AUTH_SECRET).toBe('generated-secret');
  });
});

describe('README', () => {
  it('the configuration table lists exactly the variables of the schema', () => {
    const readme = fs.readFileSync(path.join(__dirname, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    const documented = [...section.matchAll(/^\|([^|]+)\|/gm)].flatMap(([, cell]) => [...cell!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));
    expect(documented.sort()).toEqual(names);
  });
});
