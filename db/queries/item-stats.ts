import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { itemStatsSnapshots } from '@/db/schema';

/** A question's answer key as the content defines it: correctness is judged in SQL against it. */
export type ItemKey = { moduleId: string; questionId: string; correct: string[] };

/**
 * Recomputes the item statistics in one transaction, per (module, language, question) and over
 * all languages (''): answers, correct answers, the point-biserial correlation (Pearson form,
 * `corr()`) of the item's correctness with the rest of the attempt's score, and how often each
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
      with k as (
        select * from jsonb_to_recordset(${json}::jsonb) as k(module_id text, question_id text, correct jsonb)
      ), i as (
        select a.module_id, coalesce(a.locale, '') as locale, k.question_id, a.correct_count, a.answers -> k.question_id as picked,
          ((a.answers -> k.question_id) @> k.correct and k.correct @> (a.answers -> k.question_id))::int as ok
        from quiz_attempts a
        cross join lateral unnest(a.question_ids) as q(id)
        join k on k.module_id = a.module_id and k.question_id = q.id
        where a.submitted_at is not null and a.answers is not null and a.correct_count is not null
      ), s as (
        select module_id, coalesce(locale, '') as locale, question_id, grouping(locale) as all_locales,
          count(*)::int as answered, sum(ok)::int as correct, corr(ok, correct_count - ok) as discrimination
        from i group by grouping sets ((module_id, locale, question_id), (module_id, question_id))
      ), o as (
        select module_id, coalesce(locale, '') as locale, question_id, grouping(locale) as all_locales, jsonb_object_agg(option_id, n) as option_counts
        from (
          select module_id, locale, question_id, option_id, count(*)::int as n
          from i cross join lateral jsonb_array_elements_text(i.picked) as p(option_id)
          group by grouping sets ((module_id, locale, question_id, option_id), (module_id, question_id, option_id))
        ) x
        group by grouping sets ((module_id, locale, question_id), (module_id, question_id))
      )
      select s.module_id, case when s.all_locales = 1 then '' else s.locale end, s.question_id, s.answered, s.correct,
        s.discrimination, coalesce(o.option_counts, '{}'::jsonb), now()
      from s left join o on o.module_id = s.module_id and o.question_id = s.question_id and o.all_locales = s.all_locales and o.locale = s.locale
      -- An attempt taken before languages were recorded counts in the all-languages row only.
      where s.all_locales = 1 or s.locale <> ''`);
  });
}

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
