// Item statistics and learning gain at national scale: the snapshot refreshes (db/queries/item-stats.ts
// refreshItemStatsSnapshot, db/queries/confidence.ts refreshLearningGainSnapshot) timed and explained,
// and the reads behind /operator/items, the operator's learning gain and a school's learning gain
// repeated for p50/p95. The SQL mirrors those files; keep them in step.
// Usage: node bench/item-stats.mjs [--quick]   (on a database seeded by bench/seed.mjs)
import fs from 'node:fs';
import path from 'node:path';
import { withClient } from './db.mjs';
import { ROOT, databaseUrl, parseOptions } from './options.mjs';
import { loadQuizBanks } from './quiz-bank.mjs';

export function itemKeysJson() {
  const keys = [];
  for (const [moduleId, questions] of loadQuizBanks()) for (const q of questions) keys.push({ module_id: moduleId, question_id: q.id, correct: q.correct });
  return JSON.stringify(keys);
}

export const itemStatsRefresh = `insert into item_stats_snapshots (module_id, locale, question_id, answered, correct, discrimination, option_counts, computed_at)
  with k as (
    select * from jsonb_to_recordset($1::jsonb) as k(module_id text, question_id text, correct jsonb)
  ), g as (
    select a.module_id, coalesce(a.locale, '') as locale, q.id as question_id, a.answers -> q.id as picked, a.correct_count, count(*) as cnt
    from quiz_attempts a
    cross join lateral unnest(a.question_ids) as q(id)
    where a.submitted_at is not null and a.answers is not null and a.correct_count is not null
    group by 1, 2, 3, 4, 5
  ), i as (
    select g.module_id, g.locale, g.question_id, g.picked, g.cnt::float8 as w,
      (g.picked @> k.correct and k.correct @> g.picked)::int as x, g.correct_count - (g.picked @> k.correct and k.correct @> g.picked)::int as y
    from g join k on k.module_id = g.module_id and k.question_id = g.question_id
  ), s as (
    select module_id, coalesce(locale, '') as locale, question_id, grouping(locale) as all_locales,
      sum(w) as n, sum(w * x) as sx, sum(w * y) as sy, sum(w * y * y) as syy, sum(w * x * y) as sxy
    from i group by grouping sets ((module_id, locale, question_id), (module_id, question_id))
  ), o as (
    select module_id, coalesce(locale, '') as locale, question_id, grouping(locale) as all_locales, jsonb_object_agg(option_id, n) as option_counts
    from (
      select module_id, locale, question_id, option_id, sum(w)::int as n
      from i cross join lateral jsonb_array_elements_text(i.picked) as p(option_id)
      group by grouping sets ((module_id, locale, question_id, option_id), (module_id, question_id, option_id))
    ) x
    group by grouping sets ((module_id, locale, question_id), (module_id, question_id))
  )
  select s.module_id, case when s.all_locales = 1 then '' else s.locale end, s.question_id, s.n::int, s.sx::int,
    -- Pearson's r from the sums (x is 0/1, so the sum of x squared is sx); undefined without variance, like corr().
    case when (s.n * s.sx - s.sx * s.sx) > 0 and (s.n * s.syy - s.sy * s.sy) > 0
      then (s.n * s.sxy - s.sx * s.sy) / sqrt((s.n * s.sx - s.sx * s.sx) * (s.n * s.syy - s.sy * s.sy)) end,
    coalesce(o.option_counts, '{}'::jsonb), now()
  from s left join o on o.module_id = s.module_id and o.question_id = s.question_id and o.all_locales = s.all_locales and o.locale = s.locale
  -- An attempt taken before languages were recorded counts in the all-languages row only.
  where s.all_locales = 1 or s.locale <> ''`;

const gainSql = (where) => `
  with t as (
    select user_id, module_id, phase, avg(value)::float8 as v
    from confidence_answers where value is not null and ${where}
    group by user_id, module_id, phase
  ), p as (
    select b.module_id, count(*)::int as paired_teachers, avg(a.v - b.v)::float8 as paired_change
    from t b join t a on a.user_id = b.user_id and a.module_id = b.module_id and a.phase = 'after'
    where b.phase = 'before' group by b.module_id
  ), m as (
    select module_id,
      count(*) filter (where phase = 'before')::int as before_teachers, avg(v) filter (where phase = 'before')::float8 as before_mean,
      count(*) filter (where phase = 'after')::int as after_teachers, avg(v) filter (where phase = 'after')::float8 as after_mean
    from t group by module_id
  )
  select m.module_id, m.before_teachers, m.before_mean, m.after_teachers, m.after_mean,
    coalesce(p.paired_teachers, 0) as paired_teachers, p.paired_change
  from m left join p using (module_id)`;

export const learningGainRefresh = `insert into learning_gain_snapshots (module_id, before_teachers, before_mean, after_teachers, after_mean, paired_teachers, paired_change, computed_at)
  select g.*, now() from (${gainSql('true')}) g`;

export const reads = {
  'items, all languages, every module (/operator/items default)': `select * from item_stats_snapshots where locale = '' order by module_id, question_id`,
  'items, one language, one module': `select * from item_stats_snapshots where locale = 'kk' and module_id = (select id from modules order by tier, position limit 1) order by module_id, question_id`,
  'national learning gain (operator)': `select * from learning_gain_snapshots`,
};
const schoolGain = (schoolId) => gainSql(`school_id = '${schoolId}'::uuid`);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function repeat(c, sql, n = 200) {
  await c.query(sql);
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await c.query(sql);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const r = (x) => Math.round(x * 100) / 100;
  return { p50: r(percentile(times, 50)), p95: r(percentile(times, 95)), max: r(times.at(-1)) };
}

async function timed(c, sql, params) {
  const t = performance.now();
  await c.query(sql, params);
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
    const itemRefreshMs = await timed(c, itemStatsRefresh, [keys]);
    await c.query('commit');
    await c.query('begin');
    await c.query('delete from learning_gain_snapshots');
    const gainRefreshMs = await timed(c, learningGainRefresh);
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
    const { rows: plan } = await c.query(`explain (analyze, buffers) ${schoolGain(school.school_id)}`);
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
