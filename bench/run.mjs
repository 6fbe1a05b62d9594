// npm run bench [-- --quick] [--no-resilience] [--reuse-db] [--rebuild] [--no-wait] [--node-arg=<flag>]... [--processes=1,2] [--database=<name>] [--only=<ids>]
// Seeds PostgreSQL, builds and starts the app, runs the load scenarios and both ceilings, EXPLAINs the
// dashboard and roll-up queries, runs the resilience checks, and writes bench/out/results-*.{md,json}.
import { databaseExists, withClient } from './db.mjs';
import { explainAll } from './explain.mjs';
import { measureFirstLoadJs } from './js-budget.mjs';
import { measureItemStats } from './item-stats.mjs';
import { databaseUrl, parseOptions } from './options.mjs';
import { runBaselines } from './baselines.mjs';
import { machineInfo, ratios, targets, writeReport } from './report.mjs';
import { ensurePostgresRunning, runResilience } from './resilience.mjs';
import { captureBytes, prepareScenarios, runAppScenarios } from './scenarios.mjs';
import { runScaleOut } from './scale-out.mjs';
import { SPREAD, counts, seedDatabase } from './seed.mjs';
import { buildApp, freePort, startServer } from './server.mjs';

const opts = parseOptions();
const pct = (x) => `${Math.round(x * 100)}%`;
const startedAt = new Date().toISOString();
const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0)}s`;
const log = (x) => {
  if (typeof x === 'string') return console.log(`[bench ${elapsed()}] ${x}`);
  if (x?.rps !== undefined) {
    return console.log(
      `[bench ${elapsed()}] ${x.name}: ${x.rps} req/s, p50 ${x.p50} / p95 ${x.p95} / p99 ${x.p99} ms, non-2xx ${x.non2xx}, errors ${x.errors}, RSS ${x.rssMb} MB, CPU ${JSON.stringify(x.cpu)}` +
        (x.verification ? `; verified: ${JSON.stringify(x.verification)}` : ''),
    );
  }
  console.log(`[bench ${elapsed()}]`, JSON.stringify(x));
};

async function postgresInfo(url) {
  return withClient(url, async (c) => ({
    version: (await c.query('select version()')).rows[0].version.split(' on ')[0],
    settings: Object.fromEntries(
      (
        await c.query(`select name, setting || coalesce(unit, '') as v from pg_settings
          where name in ('shared_buffers', 'work_mem', 'max_connections', 'effective_cache_size', 'random_page_cost', 'synchronous_commit', 'jit') order by name`)
      ).rows.map((r) => [r.name, r.v]),
    ),
  }));
}

const report = {
  mode: opts.name,
  startedAt,
  database: opts.database,
  duration: opts.duration,
  warmup: opts.warmup,
  quietWaitMs: opts.quietWaitMs,
  serverNodeArgs: opts.nodeArgs,
  spread: `${pct(SPREAD.completed)} completed, ${pct(SPREAD.inProgress)} in progress, ${pct(SPREAD.notStarted)} not started; ${pct(SPREAD.twoTiers)} of teachers teach two adjacent tiers, the rest one; dates over the last ${SPREAD.days} days; completers read every section (90%) or some; 15% of completers and 20% of those in progress failed an attempt first; ${pct(SPREAD.openAttempt)} of those in progress have an open (unsubmitted) attempt`,
  commands: [
    `npm run bench${opts.argv.length ? ` -- ${opts.argv.join(' ')}` : ''}`,
    'node bench/seed.mjs [--quick]          # the dataset alone',
    'node bench/resilience.mjs [--quick]    # the resilience checks alone (on a seeded database)',
  ],
};

let app;
try {
  const url = databaseUrl(opts.database);
  if (opts.reuseDb && (await databaseExists(opts.database))) {
    report.seed = { reused: true, rows: await counts(url) };
    log(`reusing ${opts.database}: ${JSON.stringify(report.seed.rows)}`);
  } else {
    const lines = [];
    report.seed = await seedDatabase(opts, (line) => {
      lines.push(line);
      log(line);
    });
    report.seed.log = lines;
  }
  report.machine = machineInfo(await postgresInfo(url));
  report.build = await buildApp({ rebuild: opts.rebuild, log });
  delete report.build.output;
  const port = await freePort();
  app = await startServer({ databaseUrl: url, port, label: opts.name, nodeArgs: opts.nodeArgs });
  report.server = { pid: app.pid, port, readyMs: app.readyMs };
  log(`server on ${app.baseUrl} (pid ${app.pid}), healthy after ${app.readyMs} ms`);

  const prep = await prepareScenarios({ app, url, scale: opts, log });
  report.signIn = prep.signIn;
  // Counted in Chromium as a phone loads them: the lesson page, the quiz page mid-quiz, /about and /admin.
  report.firstLoadJs = await measureFirstLoadJs({
    base: app.baseUrl,
    moduleId: prep.lessons[0].path.split('/')[3], // /lessons/<lang>/<module>/<section>
    teacher: { cookie: prep.lessons[0].cookie },
    admin: { cookie: prep.admins[0] },
  }).then(
    (r) => r.rows,
    (err) => ({ error: String(err.message ?? err) }),
  );
  log(`first-load JS: ${JSON.stringify(report.firstLoadJs)}`);
  const captured = await captureBytes(app, prep);
  report.captured = {
    lessonBytes: captured.lesson.length,
    lessonPath: captured.lessonPath,
    pdfBytes: captured.pdf.length,
    aboutBytes: captured.aboutBytes,
    firstLoadJs: captured.firstLoadJs,
  };
  log(`captured: ${JSON.stringify(report.captured)}`);

  if (!opts.only) {
    report.explain = await explainAll(url, prep.typicalSchools[0]);
    log(
      `EXPLAIN: dashboard queries ${report.explain.dashboardTotalMs} ms for ${prep.typicalSchools[0].slug} (${prep.typicalSchools[0].teachers} teachers); roll-up read ${report.explain.rollup.execMs} ms, refresh ${report.explain.refreshTotalMs} ms`,
    );

    report.itemStats = await measureItemStats(url);
    log(
      `item statistics: refresh ${report.itemStats.itemRefreshMs} ms, learning gain refresh ${report.itemStats.gainRefreshMs} ms; reads ${JSON.stringify(report.itemStats.reads)}`,
    );
  }

  report.scenarios = await runAppScenarios({ app, url, prep, scale: opts, log });
  if (!opts.only) {
    report.baselines = await runBaselines({ app, captured, scale: opts, log });
    report.ratios = ratios(report.scenarios, report.baselines);
    report.targets = targets(report);
  }
  if (opts.processes.length) {
    // The single server stays up but idle; each process count gets fresh processes behind nginx.
    report.scaleOut = await runScaleOut({ url, prep, scale: opts, log });
  }

  if (opts.resilience && !opts.only) {
    const restart = async () => (app = await startServer({ databaseUrl: url, port, label: `${opts.name}-restarted`, nodeArgs: opts.nodeArgs }));
    const r = await runResilience({ app, url, prep, scale: opts, restart, log });
    app = r.app;
    report.resilience = { kill: r.kill, postgres: r.postgres };
  } else {
    report.resilienceSkipped = true;
  }
} catch (err) {
  report.error = err.stack ?? String(err);
  console.error(err);
  process.exitCode = 1;
} finally {
  await app?.stop().catch(() => {});
  report.postgresAtEnd = ensurePostgresRunning();
  report.totalSeconds = Math.round((performance.now() - t0) / 1000);
  const files = writeReport(report);
  log(`done in ${report.totalSeconds} s: ${files.md}`);
  if (report.targets) for (const t of report.targets) console.log(`  ${t.pass === null ? 'n/a ' : t.pass ? 'MET ' : 'MISS'}  ${t.target}: ${t.measured}`);
}
