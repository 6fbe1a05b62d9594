import 'server-only';
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { assignments, certificates, completions, memberships, modules, quizAttempts, sectionProgress, users } from '@/db/schema';

/**
 * Everything the school's completion view needs, scoped to one school by the caller's membership.
 * With `userIds`, only those teachers (still only if they are active teachers of this school) and
 * their progress: one page of the dashboard, or one teacher's page.
 */
export async function getSchoolCompletionData(schoolId: string, userIds?: readonly string[]) {
  const db = await getDb();
  const only = (column: Parameters<typeof inArray>[0]): SQL | undefined => (userIds ? inArray(column, [...userIds]) : undefined);
  const [teachers, catalog, done, attempts, read, assigned] = await Promise.all([
    db
      .select({ userId: users.id, name: users.name, email: users.email, tiers: memberships.tiers })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.schoolId, schoolId), eq(memberships.role, 'teacher'), eq(memberships.active, true), only(memberships.userId)))
      .orderBy(asc(users.name), asc(users.id)),
    db
      .select({ id: modules.id, tier: modules.tier, title: modules.title, sectionCount: sql<number>`cardinality(${modules.sectionIds})` })
      .from(modules)
      .where(eq(modules.retired, false))
      .orderBy(sql`split_part(${modules.tier}, '-', 1)::int`, asc(modules.position)),
    db
      .select({ userId: completions.userId, moduleId: completions.moduleId, score: completions.score, completedAt: completions.completedAt })
      .from(completions)
      .where(and(eq(completions.schoolId, schoolId), only(completions.userId))),
    db
      .select({
        userId: quizAttempts.userId,
        moduleId: quizAttempts.moduleId,
        count: sql<number>`count(*)::int`,
        best: sql<number>`max(${quizAttempts.score})::int`,
      })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.schoolId, schoolId), isNotNull(quizAttempts.submittedAt), only(quizAttempts.userId)))
      .groupBy(quizAttempts.userId, quizAttempts.moduleId),
    db
      .select({ userId: sectionProgress.userId, moduleId: sectionProgress.moduleId, count: sql<number>`count(*)::int` })
      .from(sectionProgress)
      .where(and(eq(sectionProgress.schoolId, schoolId), only(sectionProgress.userId)))
      .groupBy(sectionProgress.userId, sectionProgress.moduleId),
    db
      .select({ moduleId: assignments.moduleId, tier: assignments.tier, userId: assignments.userId, dueDate: assignments.dueDate })
      .from(assignments)
      .where(eq(assignments.schoolId, schoolId)),
  ]);
  return { teachers, catalog, done, attempts, read, assigned };
}

export type SchoolCompletionData = Awaited<ReturnType<typeof getSchoolCompletionData>>;

/** A teacher's certificates issued in this school, by module. */
export async function listTeacherCertificates(schoolId: string, userId: string) {
  const db = await getDb();
  return db
    .select({ id: certificates.id, moduleId: certificates.moduleId })
    .from(certificates)
    .where(and(eq(certificates.schoolId, schoolId), eq(certificates.userId, userId)));
}
