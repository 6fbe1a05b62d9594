import 'server-only';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { assignments, completions, memberships, modules, quizAttempts, sectionProgress, users } from '@/db/schema';

/** Everything the school's completion view needs, scoped to one school by the caller's membership. */
export async function getSchoolCompletionData(schoolId: string) {
  const db = await getDb();
  const [teachers, catalog, done, attempts, read, assigned] = await Promise.all([
    db
      .select({ userId: users.id, name: users.name, email: users.email, tiers: memberships.tiers })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.schoolId, schoolId), eq(memberships.role, 'teacher'), eq(memberships.active, true)))
      .orderBy(asc(users.name)),
    db
      .select({ id: modules.id, tier: modules.tier, title: modules.title, sectionCount: sql<number>`cardinality(${modules.sectionIds})` })
      .from(modules)
      .where(eq(modules.retired, false))
      .orderBy(sql`split_part(${modules.tier}, '-', 1)::int`, asc(modules.position)),
    db
      .select({ userId: completions.userId, moduleId: completions.moduleId, score: completions.score, completedAt: completions.completedAt })
      .from(completions)
      .where(eq(completions.schoolId, schoolId)),
    db
      .select({
        userId: quizAttempts.userId,
        moduleId: quizAttempts.moduleId,
        count: sql<number>`count(*)::int`,
        best: sql<number>`max(${quizAttempts.score})::int`,
      })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.schoolId, schoolId), isNotNull(quizAttempts.submittedAt)))
      .groupBy(quizAttempts.userId, quizAttempts.moduleId),
    db
      .select({ userId: sectionProgress.userId, moduleId: sectionProgress.moduleId, count: sql<number>`count(*)::int` })
      .from(sectionProgress)
      .where(eq(sectionProgress.schoolId, schoolId))
      .groupBy(sectionProgress.userId, sectionProgress.moduleId),
    db
      .select({ moduleId: assignments.moduleId, tier: assignments.tier, userId: assignments.userId, dueDate: assignments.dueDate })
      .from(assignments)
      .where(eq(assignments.schoolId, schoolId)),
  ]);
  return { teachers, catalog, done, attempts, read, assigned };
}

export type SchoolCompletionData = Awaited<ReturnType<typeof getSchoolCompletionData>>;
