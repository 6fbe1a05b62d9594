import 'server-only';
import { and, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { completions, quizAttempts, sectionProgress } from '@/db/schema';

export type Scope = { userId: string; schoolId: string };

/** Idempotent: reading a section twice keeps the first time it was read and notes the latest. */
export async function markSectionRead(scope: Scope, moduleId: string, sectionId: string) {
  const db = await getDb();
  await db
    .insert(sectionProgress)
    .values({ userId: scope.userId, schoolId: scope.schoolId, moduleId, sectionId })
    .onConflictDoUpdate({ target: [sectionProgress.userId, sectionProgress.moduleId, sectionProgress.sectionId], set: { lastReadAt: sql`now()` } });
}

/** The sections the teacher marked read after a moment (a failed attempt). */
export async function listSectionsReadSince(scope: Scope, moduleId: string, since: Date) {
  const db = await getDb();
  const rows = await db
    .select({ sectionId: sectionProgress.sectionId })
    .from(sectionProgress)
    .where(and(eq(sectionProgress.userId, scope.userId), eq(sectionProgress.moduleId, moduleId), gt(sectionProgress.lastReadAt, since)));
  return rows.map((r) => r.sectionId);
}

export async function listReadSections(scope: Scope, moduleId: string) {
  const db = await getDb();
  const rows = await db
    .select({ sectionId: sectionProgress.sectionId })
    .from(sectionProgress)
    .where(and(eq(sectionProgress.userId, scope.userId), eq(sectionProgress.moduleId, moduleId)));
  return rows.map((r) => r.sectionId);
}

/** Per module: sections read, submitted attempts and the completion, for "My training". */
export async function listMyModuleProgress(scope: Scope, moduleIds: string[]) {
  if (moduleIds.length === 0) return [];
  const db = await getDb();
  const [read, attempts, done] = await Promise.all([
    db
      .select({ moduleId: sectionProgress.moduleId, sectionIds: sql<string[]>`array_agg(${sectionProgress.sectionId})` })
      .from(sectionProgress)
      .where(and(eq(sectionProgress.userId, scope.userId), inArray(sectionProgress.moduleId, moduleIds)))
      .groupBy(sectionProgress.moduleId),
    db
      .select({ moduleId: quizAttempts.moduleId, count: sql<number>`count(*)::int` })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, scope.userId), isNotNull(quizAttempts.submittedAt), inArray(quizAttempts.moduleId, moduleIds)))
      .groupBy(quizAttempts.moduleId),
    db
      .select({ moduleId: completions.moduleId, score: completions.score, completedAt: completions.completedAt })
      .from(completions)
      .where(and(eq(completions.userId, scope.userId), inArray(completions.moduleId, moduleIds))),
  ]);
  return moduleIds.map((moduleId) => ({
    moduleId,
    readSectionIds: read.find((r) => r.moduleId === moduleId)?.sectionIds ?? [],
    attempts: attempts.find((a) => a.moduleId === moduleId)?.count ?? 0,
    completion: done.find((d) => d.moduleId === moduleId) ?? null,
  }));
}
