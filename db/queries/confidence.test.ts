import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/test-db';
import { confidenceAnswers } from '@/db/schema';
import { getSchoolLearningGain, listAnsweredPhases, listNationalLearningGain, recordConfidenceAnswers, refreshLearningGainSnapshot } from './confidence';
import { recordCatalog } from './catalog';
import { createSchoolIfAbsent } from './schools';
import { createMemberIfAbsent, getUserForSignIn } from './users';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const north: { userId: string; schoolId: string }[] = [];
let south: { userId: string; schoolId: string };

const both = (q1: number | null, q2: number | null) => [
  { questionId: 'q1', value: q1 },
  { questionId: 'q2', value: q2 },
];

beforeAll(async () => {
  db = await createTestDatabase();
  const mod = (id: string) => ({
    id,
    tier: '9-10',
    position: 1,
    version: 'v1',
    sectionIds: ['a'],
    questionCount: 3,
    title: { en: id, ru: id, kk: id },
    minutes: 20,
  });
  await recordCatalog([mod('m1'), mod('m2')]);
  const n = await createSchoolIfAbsent('north', { en: 'N', ru: 'N', kk: 'N' });
  const s = await createSchoolIfAbsent('south', { en: 'S', ru: 'S', kk: 'S' });
  for (let i = 0; i < 3; i++) {
    await createMemberIfAbsent(n.id, { email: `t${i}@north.kz`, name: `T${i}`, passwordHash: null, locale: null, role: 'teacher', tiers: ['9-10'] });
    north.push({ userId: (await getUserForSignIn(`t${i}@north.kz`))!.id, schoolId: n.id });
  }
  await createMemberIfAbsent(s.id, { email: 'x@south.kz', name: 'X', passwordHash: null, locale: null, role: 'teacher', tiers: ['9-10'] });
  south = { userId: (await getUserForSignIn('x@south.kz'))!.id, schoolId: s.id };

  // North, m1: t0 2 → 4 (mean of q1, q2: 2 and 4), t1 3 → 5, t2 answered only before (1), skipped q2.
  await recordConfidenceAnswers(north[0]!, 'm1', 'before', both(1, 3));
  await recordConfidenceAnswers(north[0]!, 'm1', 'after', both(4, 4));
  await recordConfidenceAnswers(north[1]!, 'm1', 'before', both(3, 3));
  await recordConfidenceAnswers(north[1]!, 'm1', 'after', both(5, 5));
  await recordConfidenceAnswers(north[2]!, 'm1', 'before', both(1, null));
  // South, m1: one teacher who skipped everything before and rated 5 after.
  await recordConfidenceAnswers(south, 'm1', 'before', both(null, null));
  await recordConfidenceAnswers(south, 'm1', 'after', both(5, 5));
});
afterAll(() => db.dispose());

describe('confidence answers', () => {
  it('computes per-teacher means, then means per phase and the paired change', async () => {
    const [m1] = await getSchoolLearningGain(north[0]!.schoolId);
    expect(m1).toMatchObject({ module_id: 'm1', before_teachers: 3, after_teachers: 2, paired_teachers: 2 });
    expect(m1!.before_mean).toBeCloseTo((2 + 3 + 1) / 3, 10);
    expect(m1!.after_mean).toBeCloseTo((4 + 5) / 2, 10);
    expect(m1!.paired_change).toBeCloseTo((2 + 2) / 2, 10);
  });

  it('never shows one school the answers of another', async () => {
    const southRows = await getSchoolLearningGain(south.schoolId);
    // The skipped "before" counts nowhere; only the one "after" of South's own teacher.
    expect(southRows).toEqual([
      { module_id: 'm1', before_teachers: 0, before_mean: null, after_teachers: 1, after_mean: 5, paired_teachers: 0, paired_change: null },
    ]);
    const northRows = await getSchoolLearningGain(north[0]!.schoolId);
    expect(northRows.find((r) => r.module_id === 'm1')!.after_teachers).toBe(2);
  });

  it('keeps the first answers when a form is sent again', async () => {
    await recordConfidenceAnswers(north[0]!, 'm1', 'before', both(5, 5));
    const [m1] = await getSchoolLearningGain(north[0]!.schoolId);
    expect(m1!.before_mean).toBeCloseTo(2, 10);
    expect(await listAnsweredPhases(north[0]!, 'm1')).toEqual(expect.arrayContaining(['before', 'after']));
    expect(await listAnsweredPhases(north[2]!, 'm1')).toEqual(['before']);
    expect(await listAnsweredPhases(north[2]!, 'm2')).toEqual([]);
  });

  it('refuses values outside 1-5 and unknown phases in the database too', async () => {
    for (const value of [0, 6, -3]) {
      await expect(db.db.insert(confidenceAnswers).values({ ...north[2]!, moduleId: 'm2', phase: 'before', questionId: 'q1', value })).rejects.toThrow();
    }
    await expect(
      db.db.insert(confidenceAnswers).values({ ...north[2]!, moduleId: 'm2', phase: 'during' as 'before', questionId: 'q1', value: 3 }),
    ).rejects.toThrow();
    expect(await listAnsweredPhases(north[2]!, 'm2')).toEqual([]);
  });

  it('rolls every school up in the national snapshot, with no teacher identities', async () => {
    await refreshLearningGainSnapshot();
    const rows = await listNationalLearningGain();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ moduleId: 'm1', beforeTeachers: 3, afterTeachers: 3, pairedTeachers: 2 });
    expect(rows[0]!.afterMean).toBeCloseTo((4 + 5 + 5) / 3, 10);
    expect(Object.keys(rows[0]!).some((k) => /user|school/i.test(k))).toBe(false);
  });
});
