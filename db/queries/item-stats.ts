import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { itemStatsSnapshots } from '@/db/schema';

/** A question's answer key as the content defines it: correctness is judged in SQL against it. */
export type ItemKey = { moduleId: string; questionId: string; correct: string[] };

/**
 * Recomputes the item statistics in one transaction, per (module, language, question) and over
 * all languages (''): answers, correct answers, the point-biserial correlation (Pearson form) of
 * the item's correctness with the rest of the attempt's score, and how often each
 * option was picked. Only submitted attempts count; an answer is correct when it is exactly the
 * key's set of options (answers never repeat an option, so mutual containment is set equality).
 */
export async function refreshItemStatsSnapshot(keys: readonly ItemKey[]) {
  const db = await getDb();
  const json = JSON.stringify(keys.map((k) => ({ module_id: k.moduleId, question_id: k.questionId, correct: k.correct })));
  await db.transaction(async (tx) => {
    // Several app processes refresh on the same schedule: one computes, the others skip.
    const locked = (await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('kko:item-stats')) as ok`)) as unknown as { rows: { ok: boolean }[] };
    const [lock] = locked.rows;
    if (!lock?.ok) return;
    await tx.execute(sql`delete from item_stats_snapshots`);
    await tx.execute(sql`
      insert into item_stats_snapshots (module_id, locale, question_id, answered, correct, discrimination, option_counts, computed_at)
      ${ITEM_STATS_SELECT(json)}`);
  });
}

/**
 * One pass over the answers folds them into (item, language, options picked, attempt score)
 * groups with a count: a few per item instead of one row per answer. Correctness, the Pearson
 * sums and the option counts are then computed on those groups. The bench mirrors this SQL.
 */
const ITEM_STATS_SELECT = (keys: string) => sql`
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

export type ItemStatRow = typeof itemStatsSnapshots.$inferSelect;

/** The snapshot's rows for one language ('' = all languages), optionally one module. */
export async function listItemStats(locale: string, moduleId: string | null): Promise<ItemStatRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(itemStatsSnapshots)
    .where(moduleId ? sql`${itemStatsSnapshots.locale} = ${locale} and ${itemStatsSnapshots.moduleId} = ${moduleId}` : eq(itemStatsSnapshots.locale, locale))
    .orderBy(asc(itemStatsSnapshots.moduleId), asc(itemStatsSnapshots.questionId));
}
