import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { itemStatsSnapshots } from '@/db/schema';
import { itemStatsInsert } from './learning-stats-sql';

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
    await tx.execute(itemStatsInsert(json));
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
