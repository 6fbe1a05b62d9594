// Item statistics and learning gain at national scale: the snapshot refreshes (db/queries/item-stats.ts
// refreshItemStatsSnapshot, db/queries/confidence.ts refreshLearningGainSnapshot) timed and explained,
// and the reads behind /operator/items, the operator's learning gain and a school's learning gain
// repeated for p50/p95. It runs those files' statements (db/queries/learning-stats-sql.ts).
// Usage: node bench/item-stats.mjs [--quick]   (on a database seeded by bench/seed.mjs)
import fs from 'node:fs';
import path from 'node:path';
import { PgDialect } from 'drizzle-orm/pg-core';
import { tsImport } from 'tsx/esm/api';
import { withClient } from './db.mjs';
import { ROOT, databaseUrl, parseOptions } from './options.mjs';
import { loadQuizBanks } from './quiz-bank.mjs';

export function itemKeysJson() {
  const keys = [];
  for (const [moduleId, questions] of loadQuizBanks()) for (const q of questions) keys.push({ module_id: moduleId, question_id: q.id, correct: q.correct });
  return JSON.stringify(keys);
}

// The app's own statements (db/queries/learning-stats-sql.ts), loaded through tsx and rendered by
// drizzle's PostgreSQL dialect into text and parameters for node-postgres.
const statements = await tsImport('../db/queries/learning-stats-sql.ts', import.meta.url);
const dialect = new PgDialect();
const render = (query) => dialect.sqlToQuery(query);

export const itemStatsRefresh = (keys) => render(statements.itemStatsInsert(keys));
export const learningGainRefresh = () => render(statements.learningGainInsert());

export const reads = {
  'items, all languages, every module (/operator/items default)': `select * from item_stats_snapshots where locale = '' order by module_id, question_id`,
  'items, one language, one module': `select * from item_stats_snapshots where locale = 'kk' and module_id = (select id from modules order by tier, position limit 1) order by module_id, question_id`,
  'national learning gain (operator)': `select * from learning_gain_snapshots`,
};
const schoolGain = (schoolId) => render(statements.schoolLearningGain(schoolId));

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `query` is SQL text or a rendered statement ({ sql, params }). */
async function repeat(c, query, n = 200) {
  const [text, params] = typeof query === 'string' ? [query, []] : [query.sql, query.params];
  await c.query(text, params);
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await c.query(text, params);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const r = (x) => Math.round(x * 100) / 100;
  return { p50: r(percentile(times, 50)), p95: r(percentile(times, 95)), max: r(times.at(-1)) };
}

async function timed(c, query) {
  const t = performance.now();
  await c.query(query.sql, query.params);
  return Math.round(performance.now() - t);
}

export async function measureItemStats(url) {
  return withClient(url, async (c) => {
    const {
      rows: [sizes],
    } = await c.query(`select (select count(*) from quiz_attempts where submitted_at is not null)::int as submitted_attempts,
      (select count(*) from confidence_answers)::int as confidence_answers`);
    const keys = itemKeysJson();
    await c.query('begin');
    await c.query('delete from item_stats_snapshots');
    const itemRefreshMs = await timed(c, itemStatsRefresh(keys));
    await c.query('commit');
    await c.query('begin');
    await c.query('delete from learning_gain_snapshots');
    const gainRefreshMs = await timed(c, learningGainRefresh());
    await c.query('commit');
    const {
      rows: [snap],
    } = await c.query(`select count(*)::int as rows, count(*) filter (where locale = '')::int as items from item_stats_snapshots`);
    const result = { sizes, itemRefreshMs, gainRefreshMs, snapshotRows: snap.rows, items: snap.items, reads: {} };
    for (const [name, sql] of Object.entries(reads)) result.reads[name] = await repeat(c, sql);
    const {
      rows: [school],
    } = await c.query(`select school_id from memberships where role = 'teacher' group by school_id order by count(*) desc limit 1`);
    result.reads['school learning gain, largest school (dashboard, live)'] = await repeat(c, schoolGain(school.school_id));
    const gain = schoolGain(school.school_id);
    const { rows: plan } = await c.query(`explain (analyze, buffers) ${gain.sql}`, gain.params);
    result.schoolGainPlan = plan.map((r) => r['QUERY PLAN']).join('\n');
    return result;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = parseOptions();
  const r = await measureItemStats(databaseUrl(opts.database));
  console.log(JSON.stringify(r, null, 2));
  fs.mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, `bench/out/item-stats-${opts.name}.json`), JSON.stringify(r, null, 2));
}
