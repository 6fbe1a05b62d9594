import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/test-db';
import { createSchoolsWithOneTeacher } from '@/db/test-schools';
import { recordSubmission } from '@/lib/quiz/submission';
import { getOrCreateOpenAttempt } from './attempts';
import { recordCatalog } from './catalog';
import { getSchoolCompletionData } from './completion';
import { listReadSections, markSectionRead } from './progress';
import { getUserContext } from './users';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const ids: Record<string, { userId: string; schoolId: string }> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  await recordCatalog([
    {
      id: '9-10-m',
      tier: '9-10',
      position: 1,
      version: 'v1',
      sectionIds: ['a', 'b', 'summary'],
      questionCount: 10,
      title: { en: 'M', ru: 'M', kk: 'M' },
      minutes: 20,
    },
  ]);
  Object.assign(ids, await createSchoolsWithOneTeacher(['north', 'south']));
  const north = ids.north!;
  await markSectionRead(north, '9-10-m', 'a');
  const attempt = await getOrCreateOpenAttempt(north, '9-10-m', 'v1', () => ['q1']);
  await recordSubmission(north, attempt.id, { q1: ['a'] }, () => ({ correctCount: 1, score: 100, passed: true }));
});
afterAll(() => db.dispose());

describe('school boundary', () => {
  it('shows a school only its own teachers and records', async () => {
    const south = await getSchoolCompletionData(ids.south!.schoolId);
    expect(south.teachers.map((t) => t.name)).toEqual(['Teacher south']);
    expect(south.done).toEqual([]);
    expect(south.attempts).toEqual([]);
    expect(south.read).toEqual([]);
    const north = await getSchoolCompletionData(ids.north!.schoolId);
    expect(north.teachers.map((t) => t.name)).toEqual(['Teacher north']);
    expect(north.done).toHaveLength(1);
    expect(north.attempts).toEqual([{ userId: ids.north!.userId, moduleId: '9-10-m', count: 1, best: 100 }]);
  });

  it('keeps progress per teacher', async () => {
    expect(await listReadSections(ids.north!, '9-10-m')).toEqual(['a']);
    expect(await listReadSections(ids.south!, '9-10-m')).toEqual([]);
  });

  it('marks a section read once however often it is sent', async () => {
    await markSectionRead(ids.south!, '9-10-m', 'b');
    await markSectionRead(ids.south!, '9-10-m', 'b');
    expect(await listReadSections(ids.south!, '9-10-m')).toEqual(['b']);
  });

  it('scopes a user to their active membership', async () => {
    const ctx = await getUserContext(ids.north!.userId, ids.north!.schoolId);
    expect(ctx).toMatchObject({ schoolId: ids.north!.schoolId, role: 'teacher', schoolSlug: 'north' });
  });
});

describe('national roll-up snapshot', () => {
  it('counts expected and completed modules per school and tier', async () => {
    const { refreshRollupSnapshot, getSchoolRollup } = await import('./operator');
    await refreshRollupSnapshot();
    const all = await getSchoolRollup(null);
    const north = all.find((r) => r.slug === 'north')!;
    expect(north).toMatchObject({ teachers: 1, expected: 1, completed: 1 });
    expect(all.find((r) => r.slug === 'south')).toMatchObject({ teachers: 1, expected: 1, completed: 0 });
    expect((await getSchoolRollup('15-17')).find((r) => r.slug === 'north')).toMatchObject({ teachers: 0, expected: 0, completed: 0 });
  });
});
