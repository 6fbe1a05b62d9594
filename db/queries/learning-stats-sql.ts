import { sql, type SQL } from 'drizzle-orm';

// The item-statistics and learning-gain statements, free of the client and of 'server-only' so that
// bench/item-stats.mjs times these very statements (through tsx) instead of a copy.

/**
 * One pass over the answers folds them into (item, language, options picked, attempt score)
 * groups with a count: a few per item instead of one row per answer. Correctness, the Pearson
 * sums and the option counts are then computed on those groups.
 */
export const itemStatsSelect = (keys: string) => sql`
  with k as (
    select * from jsonb_to_recordset(${keys}::jsonb) as k(module_id text, question_id text, correct jsonb)
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

/** The item statistics of every (module, language, question) into the snapshot table. */
export const itemStatsInsert = (keys: string) => sql`
  insert into item_stats_snapshots (module_id, locale, question_id, answered, correct, discrimination, option_counts, computed_at)
  ${itemStatsSelect(keys)}`;

/**
 * Per module: each teacher's mean over the questions they answered, per phase; then the mean of
 * those over teachers before and after, and the mean change of the teachers who answered both.
 * Skipped questions (null) count nowhere.
 */
export const learningGainSelect = (where: SQL) => sql`
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

/** The national learning gain (every school) into its snapshot table. */
export const learningGainInsert = () => sql`
  insert into learning_gain_snapshots (module_id, before_teachers, before_mean, after_teachers, after_mean, paired_teachers, paired_change, computed_at)
  select g.*, now() from (${learningGainSelect(sql`true`)}) g`;

/** One school's learning gain: its own teachers' answers only. */
export const schoolLearningGain = (schoolId: string) => learningGainSelect(sql`school_id = ${schoolId}`);
