import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/test-db';
import { createSchoolsWithOneTeacher } from '@/db/test-schools';
import { getOrCreateOpenAttempt } from '@/db/queries/attempts';
import { recordCatalog } from '@/db/queries/catalog';
import { markSectionRead } from '@/db/queries/progress';
import { recordSubmission } from '@/lib/quiz/submission';
import { getTeacherCompletion } from './teacher';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const ids: Record<string, { userId: string; schoolId: string }> = {};
const catalogModule = (id: string, position: number) => ({
  id,
  tier: '9-10',
  position,
  version: 'v1',
  sectionIds: ['a', 'b', 'summary'],
  questionCount: 10,
  title: { en: `Title ${id}`, ru: id, kk: id },
  minutes: 20,
});

beforeAll(async () => {
  db = await createTestDatabase();
  await recordCatalog([catalogModule('9-10-a', 1), catalogModule('9-10-b', 2)]);
  Object.assign(ids, await createSchoolsWithOneTeacher(['north', 'south']));
  const north = ids.north!;
  await markSectionRead(north, '9-10-b', 'a');
  const attempt = await getOrCreateOpenAttempt(north, '9-10-a', 'v1', () => ['q1']);
  await recordSubmission(north, attempt.id, { q1: ['a'] }, () => ({ correctCount: 1, score: 90, passed: true }));
});
afterAll(() => db.dispose());

describe("a teacher's page", () => {
  it("shows a teacher of the admin's school, module by module", async () => {
    const t = await getTeacherCompletion(ids.north!.schoolId, ids.north!.userId, '2026-11-28');
    expect(t).toMatchObject({ name: 'Teacher north', email: 't@north.kz', tally: { expected: 2, completed: 1, percent: 50 } });
    const [a, b] = t!.modules;
    expect(a).toMatchObject({ moduleId: '9-10-a', status: 'completed', attempts: 1, best: 90, score: 90, sections: 3 });
    expect(a!.certificateId).toMatch(/^KKO-/);
    expect(a!.title.en).toBe('Title 9-10-a');
    expect(b).toMatchObject({ moduleId: '9-10-b', status: 'in_progress', attempts: 0, best: null, read: 1, certificateId: null });
  });

  it("gives nothing for another school's teacher, an unknown id or a malformed one", async () => {
    expect(await getTeacherCompletion(ids.south!.schoolId, ids.north!.userId)).toBeUndefined();
    expect(await getTeacherCompletion(ids.north!.schoolId, ids.south!.userId)).toBeUndefined();
    expect(await getTeacherCompletion(ids.north!.schoolId, randomUUID())).toBeUndefined();
    for (const bad of ['abc', '', `${ids.north!.userId}x`, "' or 1=1 --", '\u0000']) {
      expect(await getTeacherCompletion(ids.north!.schoolId, bad)).toBeUndefined();
    }
  });

  it("shows the other school's teacher to that school's admin", async () => {
    const t = await getTeacherCompletion(ids.south!.schoolId, ids.south!.userId, '2026-11-28');
    expect(t?.modules.map((m) => m.status)).toEqual(['not_started', 'not_started']);
  });
});
