// bench/out/results-<timestamp>.{md,json}: machine, commands, dataset, load table, ratios to both
// ceilings, targets, EXPLAIN plans and resilience.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OUT_DIR, ROOT } from './options.mjs';
import { scaleOutMarkdown } from './scale-out-report.mjs';
import { fmt, ratio } from './format.mjs';
export { targets } from './targets.mjs';

const version = (pkg) => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;

export function machineInfo(pg) {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    next: version('next'),
    autocannon: version('autocannon'),
    postgres: pg,
    dbPoolSize: process.env.DB_POOL_SIZE ?? '10 (default)',
    loadAverageAtStart: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
  };
}

/** The ceiling each app scenario is compared with: /about at the same concurrency, bare bytes of the same kind. */
export function ratios(scenarios, base) {
  return scenarios
    .filter((s) => !s.skipped)
    .map((s) => {
      const about = s.connections >= 100 ? base.about100 : base.about50;
      const bare = s.id?.startsWith('handout') ? base.barePdf : base.bareHtml;
      return {
        id: s.id,
        name: s.name,
        rps: s.rps,
        about: about.rps,
        aboutId: about.id,
        toAbout: s.rps / about.rps,
        bare: bare.rps,
        bareId: bare.id,
        toBare: s.rps / bare.rps,
      };
    });
}

const quietCell = (q) => (!q ? '–' : `${q.quiet ? '' : '⚠ busy: '}${q.otherPct}%${q.waitedMs > 1500 ? ` (waited ${Math.round(q.waitedMs / 1000)} s)` : ''}`);

function loadTable(rows) {
  const head =
    '| scenario | conc. | req/s (2xx) | p50 ms | p95 ms | p99 ms | max ms | non-2xx | errors / timeouts | bytes/resp | server RSS peak MB | CPU % server / loadgen / pg / other | other load before |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|';
  const lines = rows.map((s) =>
    s.skipped
      ? `| ${s.name} | | skipped: ${s.skipped} | | | | | | | | | | |`
      : `| ${s.name} | ${s.connections} | ${fmt(s.rps)} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${fmt(s.max)} | ${fmt(s.non2xx)}${
          s.non2xx
            ? ` (${Object.entries(s.statuses)
                .filter(([k]) => k < 200 || k >= 300)
                .map(([k, v]) => `${k}: ${v}`)
                .join(', ')})`
            : ''
        } | ${fmt(s.errors)} / ${fmt(s.timeouts)} | ${fmt(s.bytesPerResponse)} | ${fmt(s.rssMb)} | ${s.cpu ? `${s.cpu.server} / ${s.cpu.loadgen} / ${s.cpu.postgres} / ${s.cpu.other}` : '–'} | ${quietCell(s.quiet)} |`,
  );
  return [head, ...lines].join('\n');
}

function verificationTable(v) {
  return [
    '| responses | 201 (first submissions) | 2xx attempts | submitted in DB | submitted, no answer seen | lost | doubled | missing completion | stray completion | ok |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    `| ${fmt(v.responses)} | ${fmt(v.created)} | ${fmt(v.acknowledged)} | ${fmt(v.submittedInDb)} | ${fmt(v.unacknowledged)} | ${v.lost} | ${v.doubled} | ${v.missingCompletion} | ${v.strayCompletion} | ${v.ok ? 'yes' : '**NO**'} |`,
  ].join('\n');
}

export function renderMarkdown(r) {
  const m = r.machine;
  const out = [];
  out.push(`# KKO Teach bench: ${r.mode} run, ${r.startedAt}`, '');
  if (r.error) out.push(`> **The run failed:** ${r.error}`, '');
  out.push('## Machine', '');
  out.push(`${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}, Next ${m.next}, autocannon ${m.autocannon}; ${m.postgres?.version}`);
  out.push(
    `PostgreSQL settings: ${Object.entries(m.postgres?.settings ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}; app pool DB_POOL_SIZE=${m.dbPoolSize}.`,
  );
  out.push(
    `Load average when the run started: ${m.loadAverageAtStart}. The load generator (autocannon, one process) runs on the same ${m.cpus} cores as the server, so the bare-server ceiling is largely the load generator's own. The CPU column shows where each scenario's CPU went, in % of one core (${m.cpus * 100} = the whole machine): the server, the load generator, PostgreSQL, and everything else (other work on the machine skews a run). Before each scenario the bench waits (up to ${r.quietWaitMs / 1000} s) until other processes use under 25% of one core; "other load before" is what it measured last (⚠ = it gave up waiting).`,
    '',
  );
  out.push('## Commands', '', '```sh', ...r.commands, '```', '');
  if (r.seed) {
    const c = r.seed.rows;
    out.push('## Dataset', '');
    out.push(
      r.seed.reused
        ? `Reused database ${r.database} (--reuse-db).`
        : `Fresh database ${r.database}: seeded in **${(r.seed.seedMs / 1000).toFixed(1)} s** with set-based SQL, VACUUM ANALYZE ${(r.seed.vacuumMs / 1000).toFixed(1)} s (total with migrations ${(r.seed.totalMs / 1000).toFixed(1)} s).`,
    );
    out.push(
      '',
      '| regions | schools | teachers | school admins | operators | expected (teacher × module of their tiers) | section_progress | quiz_attempts | completions | progress rows | assignments | database size |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    out.push(
      `| ${fmt(c.regions)} | ${fmt(c.schools)} | ${fmt(c.teachers)} | ${fmt(c.school_admins)} | ${fmt(c.operators)} | ${fmt(c.expected)} | ${fmt(c.section_progress)} | ${fmt(c.quiz_attempts)} | ${fmt(c.completions)} | **${fmt(c.progressRows)}** | ${fmt(c.assignments)} | ${(c.bytes / 2 ** 30).toFixed(2)} GiB |`,
      '',
    );
    out.push(`Spread per (teacher, module of their tiers): ${r.spread}.`, '');
    if (r.seed.log) out.push('<details><summary>seed steps</summary>', '', '```', ...r.seed.log, '```', '</details>', '');
  }
  if (r.server)
    out.push(
      `Server: build ${r.build?.reused ? 'reused' : `${((r.build?.ms ?? 0) / 1000).toFixed(1)} s`}, \`scripts/server.mjs\`${r.serverNodeArgs?.length ? ` (node ${r.serverNodeArgs.join(' ')})` : ''} healthy after ${r.server.readyMs} ms (pid ${r.server.pid}); ${r.signIn?.users} users signed in over HTTP in ${((r.signIn?.ms ?? 0) / 1000).toFixed(1)} s.`,
      '',
    );
  if (r.scenarios?.length) {
    out.push(
      '## Load',
      '',
      `Each scenario: ${r.duration} s measured after ${r.warmup} s of warm-up (none for the roll-up), fixed concurrency. Latency percentiles are computed from every response.`,
      '',
    );
    out.push(loadTable([...r.scenarios, ...(r.baselines?.results ?? [])]), '');
  }
  if (r.ratios?.length) {
    out.push(
      '## Ratios to the two ceilings (same run)',
      '',
      '| scenario | req/s | ÷ static /about (framework ceiling) | ÷ bare node:http (machine ceiling) |',
      '|---|---:|---:|---:|',
    );
    for (const x of r.ratios)
      out.push(
        `| ${x.name} | ${fmt(x.rps)} | **${ratio(x.rps, x.about)}** (${x.aboutId}: ${fmt(x.about)}) | ${ratio(x.rps, x.bare)} (${x.bareId}: ${fmt(x.bare)}) |`,
      );
    out.push(
      '',
      `Static /about is ${fmt(r.captured?.aboutBytes)} bytes; the bare server replays the lesson HTML (${fmt(r.captured?.lessonBytes)} bytes, ${r.captured?.lessonPath}) and the handout PDF (${fmt(r.captured?.pdfBytes)} bytes).`,
      '',
    );
  }
  const quiz = r.scenarios?.find((s) => s.id === 'quiz');
  if (quiz) {
    out.push('## Quiz submissions: verification in SQL', '', verificationTable(quiz.verification), '');
    out.push(
      `Pool: ${fmt(quiz.pool.attempts)} open attempts (signed-in teachers × their 8 modules), ${fmt(quiz.pool.used)} handed out${quiz.pool.wraps ? `, **ran out ${quiz.pool.wraps} time(s)** (later requests were replays)` : ''}. "Submitted, no answer seen" are requests still in flight when the warm-up and the measured run stopped (at most twice the concurrency).`,
      '',
    );
  }
  const cold = r.scenarios?.find((s) => s.id === 'handout-cold');
  if (cold?.pool)
    out.push(
      `Handout cold pool: ${fmt(cold.pool.urls)} distinct school × tier × language URLs, ${fmt(cold.pool.used)} used${cold.pool.wraps ? ` (**wrapped ${cold.pool.wraps}×: later requests were cached**)` : ''}.`,
      '',
    );
  if (r.targets) {
    out.push('## Targets (DESIGN.md)', '', '| target | measured | met |', '|---|---|---|');
    for (const t of r.targets) out.push(`| ${t.target} | ${t.measured} | ${t.pass === null ? 'n/a' : t.pass ? 'yes' : '**no**'} |`);
    out.push('');
  }
  if (r.explain) {
    const e = r.explain;
    out.push(
      '## Queries: EXPLAIN (ANALYZE, BUFFERS)',
      '',
      `School dashboard (GET /admin) for a typical school: ${e.school.slug} with ${e.school.teachers} teachers. Total ${e.dashboardTotalMs} ms (planning + execution, run one after the other; the app runs the counts first, then the page's detail reads in parallel).`,
      '',
    );
    out.push('| query | planning ms | execution ms |', '|---|---:|---:|');
    for (const [name, q] of Object.entries(e.dashboard)) out.push(`| ${name} | ${q.planMs} | ${q.execMs} |`);
    out.push(`| **national roll-up read** (getSchoolRollup, all tiers, from rollup_snapshots) | ${e.rollup.planMs} | **${e.rollup.execMs}** |`);
    for (const [name, q] of Object.entries(e.refresh ?? {})) out.push(`| roll-up refresh (refreshRollupSnapshot): ${name} | ${q.planMs} | ${q.execMs} |`);
    if (e.refresh) out.push(`| **roll-up refresh, total** (runs at start and every ROLLUP_REFRESH_MINUTES) | | **${e.refreshTotalMs}** |`);
    out.push('');
    for (const [name, q] of Object.entries(e.dashboard)) out.push(`### dashboard: ${name}`, '', '```sql', q.sql, '```', '```', q.plan, '```', '');
    out.push('### national roll-up: read', '', '```sql', e.rollup.sql, '```', '```', e.rollup.plan, '```', '');
    for (const [name, q] of Object.entries(e.refresh ?? {}))
      out.push(`### national roll-up: refresh, ${name}`, '', '```sql', q.sql, '```', '```', q.plan, '```', '');
  }
  out.push(...scaleOutMarkdown(r.scaleOut));
  if (r.resilience) {
    const k = r.resilience.kill;
    const p = r.resilience.postgres;
    out.push('## Resilience', '');
    if (k) {
      out.push(`### SIGKILL during 100 concurrent quiz submissions: ${k.ok ? 'passed' : '**FAILED**'}`, '');
      out.push(`${fmt(k.acknowledgedBeforeKill)} submissions acknowledged before the kill; server restarted and healthy in ${fmt(k.restartMs)} ms.`, '');
      out.push('After the kill:', '', verificationTable(k.afterKill), '');
      out.push(
        `The clients then retried the ${fmt(k.retried)} submissions whose request died with the server (same answers): ${
          Object.entries(k.retryStatuses)
            .map(([s, n]) => `${s}: ${n}`)
            .join(', ') || 'none'
        } (200 = already stored, replayed; 201 = stored now).`,
        '',
      );
      out.push('After the retries:', '', verificationTable(k.afterRetry), '');
    }
    if (p) {
      out.push(`### PostgreSQL restart under load: ${p.ok ? 'passed' : '**FAILED**'}`, '');
      out.push(
        `\`pg_ctlcluster --skip-systemctl-redirect 15 main restart\` exit ${p.restart.exitCode}, took ${p.restart.tookMs} ms; PostgreSQL at the end: ${p.restart.postgresAtEnd}. Health afterwards: \`${p.healthAfter}\`, same server process (no app restart): ${p.sameServerProcess ? 'yes' : 'no'}.${p.note ? ` ${p.note}` : ''}`,
        '',
      );
      out.push(
        '| requests | count | statuses | first non-200 after restart began | last non-200 ends | max latency ms | errors |',
        '|---|---:|---|---:|---:|---:|---|',
      );
      for (const [kind, s] of [
        ['GET /api/health ×8', p.health],
        ['GET lesson page ×8', p.lesson],
      ]) {
        out.push(
          `| ${kind} | ${fmt(s.requests)} | ${Object.entries(s.statuses)
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ')} | ${fmt(s.firstBadMs)} ms | ${fmt(s.lastBadMs)} ms | ${fmt(s.maxLatencyMs)} | ${s.errors?.join(', ') || ''} |`,
        );
      }
      if (p.health.example) out.push('', `503 body: \`${p.health.example}\``);
      out.push('');
    }
  } else if (r.resilienceSkipped) {
    out.push('## Resilience', '', 'Skipped (--no-resilience).', '');
  }
  return out.join('\n');
}

export function writeReport(r) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const stamp = r.startedAt.replace(/[:.]/g, '-');
  const base = path.join(OUT_DIR, `results-${r.mode}-${stamp}`);
  fs.writeFileSync(`${base}.json`, JSON.stringify(r, null, 2));
  fs.writeFileSync(`${base}.md`, renderMarkdown(r));
  return { md: `${base}.md`, json: `${base}.json` };
}
