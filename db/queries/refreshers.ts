import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, queryRows, transaction } from '@/db';
import { notifications, refreshers, type AnswerMap, type Refresher } from '@/db/schema';

export const REFRESHER_STAGES = [60, 180] as const;

export type RefresherDue = { user_id: string; school_id: string; module_id: string; stage: number; due_at: Date };

/**
 * Passes whose 60- or 180-day refresher is due and not yet made, for active teachers; only the
 * latest due stage (a pass 200 days old gets the 180-day one, not both).
 */
export async function listDueRefreshers(limit: number) {
  return queryRows<RefresherDue>(sql`
    select c.user_id, c.school_id, c.module_id, s.stage, c.completed_at + make_interval(days => s.stage) as due_at
    from completions c
    join memberships m on m.user_id = c.user_id and m.school_id = c.school_id and m.active and m.role = 'teacher'
    join modules mo on mo.id = c.module_id and not mo.retired
    cross join lateral (
      select max(st) as stage from unnest(${sql.raw(`array[${REFRESHER_STAGES.join(',')}]`)}) st
      where c.completed_at + make_interval(days => st) <= now()
    ) s
    where s.stage is not null
      and not exists (select 1 from refreshers r where r.user_id = c.user_id and r.module_id = c.module_id and r.stage >= s.stage)
    order by c.completed_at
    limit ${limit}`);
}

/** Makes a refresher and tells its teacher, once: the unique (user, module, stage) decides. */
export async function createRefresher(due: RefresherDue, draw: { questionIds: string[]; optionOrder: Record<string, string[]> }) {
  return transaction(async (tx) => {
    const [row] = await tx
      .insert(refreshers)
      .values({ userId: due.user_id, schoolId: due.school_id, moduleId: due.module_id, stage: due.stage, dueAt: new Date(due.due_at), ...draw })
      .onConflictDoNothing()
      .returning({ id: refreshers.id });
    if (!row) return null;
    await tx
      .insert(notifications)
      .values({
        userId: due.user_id,
        schoolId: due.school_id,
        kind: 'refresher.due',
        payload: { refresherId: row.id, moduleId: due.module_id, stage: due.stage },
        dedupeKey: `refresher:${due.stage}:${due.module_id}:${due.user_id}`,
      })
      .onConflictDoNothing();
    return row.id;
  });
}

/** A teacher's own refresher (never another's). */
export async function getMyRefresher(userId: string, id: string): Promise<Refresher | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const db = await getDb();
  const [row] = await db
    .select()
    .from(refreshers)
    .where(and(eq(refreshers.id, id), eq(refreshers.userId, userId)));
  return row;
}

/** Records the answers once; a second submit (another tab) changes nothing and returns false. */
export async function recordRefresherAnswers(userId: string, id: string, answers: AnswerMap, correctCount: number) {
  const db = await getDb();
  const done = await db
    .update(refreshers)
    .set({ answers, correctCount, answeredAt: sql`now()` })
    .where(and(eq(refreshers.id, id), eq(refreshers.userId, userId), isNull(refreshers.answeredAt)))
    .returning({ id: refreshers.id });
  return done.length === 1;
}

export async function listOpenRefreshers(userId: string) {
  const db = await getDb();
  return db
    .select({ id: refreshers.id, moduleId: refreshers.moduleId, stage: refreshers.stage })
    .from(refreshers)
    .where(and(eq(refreshers.userId, userId), isNull(refreshers.answeredAt)));
}

/** The latest answered refresher per teacher and module of a school, for the dashboard. */
export async function listSchoolRefresherResults(schoolId: string) {
  return queryRows<{ user_id: string; name: string; module_id: string; stage: number; correct_count: number; total: number; answered_at: Date }>(sql`
    select distinct on (r.user_id, r.module_id) r.user_id, u.name, r.module_id, r.stage, r.correct_count, cardinality(r.question_ids) as total, r.answered_at
    from refreshers r join users u on u.id = r.user_id
    where r.school_id = ${schoolId} and r.answered_at is not null
    order by r.user_id, r.module_id, r.answered_at desc`);
}
