import 'server-only';
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { gradeOutbox, ltiGradeTargets, ltiRegistrations, quizAttempts, users } from '@/db/schema';
import { recordAudit, type Actor } from './audit';

/** Queues a passing score for every LMS gradebook column this module was launched from. */
export async function queueScoresForPass(tx: Tx, p: { attemptId: string; userId: string; moduleId: string; score: number }) {
  await tx.execute(sql`
    insert into grade_outbox (attempt_id, registration_id, lineitem_url, lti_sub, score_given, scored_at)
    select ${p.attemptId}, g.registration_id, g.lineitem_url, g.lti_sub, ${p.score}, now()
    from lti_grade_targets g
    where g.user_id = ${p.userId} and g.module_id = ${p.moduleId}
    on conflict (attempt_id, lineitem_url) do nothing`);
}

/** Records where a teacher's score for a module goes; true when the target is new. */
export async function insertGradeTarget(tx: Tx, t: typeof ltiGradeTargets.$inferInsert) {
  const added = await tx.insert(ltiGradeTargets).values(t).onConflictDoNothing().returning({ userId: ltiGradeTargets.userId });
  return added.length === 1;
}

/** Queues the teacher's recorded pass of the module (if any) for one gradebook column. */
export async function queueRecordedPass(tx: Tx, t: typeof ltiGradeTargets.$inferInsert) {
  await tx.execute(sql`
    insert into grade_outbox (attempt_id, registration_id, lineitem_url, lti_sub, score_given, scored_at)
    select c.attempt_id, ${t.registrationId}, ${t.lineitemUrl}, ${t.ltiSub}, c.score, c.completed_at
    from completions c
    where c.user_id = ${t.userId} and c.module_id = ${t.moduleId}
    on conflict (attempt_id, lineitem_url) do nothing`);
}

/** Outbox rows that are due, oldest first; `for update skip locked` lets several servers share the work. */
export async function claimDueGrades(limit: number) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(gradeOutbox)
      .where(and(eq(gradeOutbox.status, 'pending'), lte(gradeOutbox.nextAttemptAt, sql`now()`)))
      .orderBy(asc(gradeOutbox.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return [];
    // Lease the rows for a minute so a crash mid-send makes them due again, not lost.
    await tx
      .update(gradeOutbox)
      .set({ nextAttemptAt: sql`now() + interval '60 seconds'`, tries: sql`${gradeOutbox.tries} + 1` })
      .where(sql`${gradeOutbox.id} in ${rows.map((r) => r.id)}`);
    return rows.map((r) => ({ ...r, tries: r.tries + 1 }));
  });
}

export async function markGradeSent(id: string) {
  const db = await getDb();
  await db
    .update(gradeOutbox)
    .set({ status: 'sent', sentAt: sql`now()`, lastError: null })
    .where(eq(gradeOutbox.id, id));
}

export async function markGradeRetry(id: string, delaySeconds: number, error: string) {
  const db = await getDb();
  await db
    .update(gradeOutbox)
    .set({ nextAttemptAt: sql`now() + make_interval(secs => ${delaySeconds})`, lastError: error.slice(0, 500) })
    .where(eq(gradeOutbox.id, id));
}

export async function markGradeFailed(id: string, error: string) {
  const db = await getDb();
  await db
    .update(gradeOutbox)
    .set({ status: 'failed', lastError: error.slice(0, 500) })
    .where(eq(gradeOutbox.id, id));
}

export async function listOutbox(schoolId: string) {
  const db = await getDb();
  return db
    .select({
      id: gradeOutbox.id,
      status: gradeOutbox.status,
      tries: gradeOutbox.tries,
      scoreGiven: gradeOutbox.scoreGiven,
      lastError: gradeOutbox.lastError,
      sentAt: gradeOutbox.sentAt,
      createdAt: gradeOutbox.createdAt,
      teacher: users.name,
      moduleId: quizAttempts.moduleId,
    })
    .from(gradeOutbox)
    .innerJoin(ltiRegistrations, eq(ltiRegistrations.id, gradeOutbox.registrationId))
    .innerJoin(quizAttempts, eq(quizAttempts.id, gradeOutbox.attemptId))
    .innerJoin(users, eq(users.id, quizAttempts.userId))
    .where(eq(ltiRegistrations.schoolId, schoolId))
    .orderBy(desc(gradeOutbox.createdAt))
    .limit(200);
}

/** Queues a refused score again, for a school admin who fixed the cause in the LMS. */
export async function resendGrade(actor: Actor & { schoolId: string }, outboxId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const done = await tx
      .update(gradeOutbox)
      .set({ status: 'pending', tries: 0, nextAttemptAt: sql`now()`, lastError: null })
      .where(
        and(
          eq(gradeOutbox.id, outboxId),
          sql`${gradeOutbox.status} <> 'sent'`,
          sql`${gradeOutbox.registrationId} in (select id from lti_registrations where school_id = ${actor.schoolId})`,
        ),
      )
      .returning({ id: gradeOutbox.id });
    if (done.length === 0) return false;
    await recordAudit(tx, actor, 'lti.score_resent', { outboxId });
    return true;
  });
}
