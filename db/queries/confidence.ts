import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { confidenceAnswers, learningGainSnapshots } from '@/db/schema';
import type { Scope } from './progress';

export type ConfidencePhase = 'before' | 'after';
export type ConfidenceValue = { questionId: string; value: number | null };

/** The first answers stand: a resent form (double click, retry) changes nothing. */
export async function recordConfidenceAnswers(scope: Scope, moduleId: string, phase: ConfidencePhase, values: readonly ConfidenceValue[]) {
  if (values.length === 0) return;
  const db = await getDb();
  await db
    .insert(confidenceAnswers)
    .values(values.map((v) => ({ ...scope, moduleId, phase, questionId: v.questionId, value: v.value })))
    .onConflictDoNothing();
}

/** The phases this teacher has answered (or skipped) for the module. */
export async function listAnsweredPhases(scope: Scope, moduleId: string): Promise<ConfidencePhase[]> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ phase: confidenceAnswers.phase })
    .from(confidenceAnswers)
    .where(and(eq(confidenceAnswers.userId, scope.userId), eq(confidenceAnswers.moduleId, moduleId)));
  return rows.map((r) => r.phase);
}

export type LearningGainRow = {
  module_id: string;
  before_teachers: number;
  before_mean: number | null;
  after_teachers: number;
  after_mean: number | null;
  paired_teachers: number;
  paired_change: number | null;
};

/**
 * Per module: each teacher's mean over the questions they answered, per phase; then the mean of
 * those over teachers before and after, and the mean change of the teachers who answered both.
 * Skipped questions (null) count nowhere.
 */
const gainSql = (where: ReturnType<typeof sql>) => sql`
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

/** One school's learning gain: its own teachers' answers only. */
export async function getSchoolLearningGain(schoolId: string) {
  return queryRows<LearningGainRow>(gainSql(sql`school_id = ${schoolId}`));
}

/** Recomputes the national learning gain (every school) into its snapshot. */
export async function refreshLearningGainSnapshot() {
  const db = await getDb();
  await db.transaction(async (tx) => {
    // Several app processes refresh on the same schedule: one computes, the others skip.
    const locked = (await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('kko:learning-gain')) as ok`)) as unknown as { rows: { ok: boolean }[] };
    const [lock] = locked.rows;
    if (!lock?.ok) return;
    await tx.execute(sql`delete from learning_gain_snapshots`);
    await tx.execute(sql`
      insert into learning_gain_snapshots (module_id, before_teachers, before_mean, after_teachers, after_mean, paired_teachers, paired_change, computed_at)
      select g.*, now() from (${gainSql(sql`true`)}) g`);
  });
}

export async function listNationalLearningGain() {
  const db = await getDb();
  return db.select().from(learningGainSnapshots);
}
