import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { confidenceAnswers, learningGainSnapshots } from '@/db/schema';
import type { Scope } from './progress';
import { learningGainInsert, schoolLearningGain } from './learning-stats-sql';

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

/** One school's learning gain: its own teachers' answers only. */
export async function getSchoolLearningGain(schoolId: string) {
  return queryRows<LearningGainRow>(schoolLearningGain(schoolId));
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
    await tx.execute(learningGainInsert());
  });
}

export async function listNationalLearningGain() {
  const db = await getDb();
  return db.select().from(learningGainSnapshots);
}
