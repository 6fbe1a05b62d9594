import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/test-db';
import { expectedModules } from '@/lib/completion/expected';
import { summarizeCompletion } from '@/lib/completion/summarize';
import { listMyAssignments, recordAssignment } from './assignments';
import { recordSubmission } from '@/lib/quiz/submission';
import { getOrCreateOpenAttempt } from './attempts';
import { recordCatalog } from './catalog';
import { getSchoolCompletionData } from './completion';
import { getSchoolRollup, refreshRollupSnapshot } from './operator';
import { createSchoolIfAbsent } from './schools';
import { createMemberIfAbsent, getUserForSignIn } from './users';

const TIERS = ['9-10', '11-12', '13-14'];
const CATALOG = TIERS.flatMap((tier, i) =>
  [1, 2].map((n) => ({
    id: `${tier}-m${n}`,
    tier,
    position: n,
    version: 'v1',
    sectionIds: ['a', 'summary'],
    questionCount: 10,
    title: { en: 'M', ru: 'M', kk: 'M' },
    minutes: 20 + i,
  })),
);
const MODULE_IDS = CATALOG.map((m) => m.id);

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
  // A retired module counts nowhere.
  await recordCatalog([...CATALOG, { ...CATALOG[0]!, id: '9-10-old' }]);
  await recordCatalog(CATALOG);
});
afterAll(() => db.dispose());

const teacherArb = fc.record({
  tiers: fc.subarray(TIERS),
  role: fc.constantFrom('teacher', 'teacher', 'school_admin') as fc.Arbitrary<'teacher' | 'school_admin'>,
  named: fc.subarray(MODULE_IDS, { maxLength: 2 }),
  passed: fc.subarray(MODULE_IDS, { maxLength: 3 }),
  namedDue: fc.constantFrom('2020-01-01', '2030-01-01'),
});
const schoolArb = fc.record({
  teachers: fc.array(teacherArb, { minLength: 0, maxLength: 4 }),
  tierAssignments: fc.subarray(MODULE_IDS, { maxLength: 3 }),
  tierDue: fc.constantFrom('2020-01-01', '2030-01-01'),
});

let n = 0;
describe('what a teacher must finish', () => {
  it('is the same in My training, the school dashboard and the national roll-up', async () => {
    await fc.assert(
      fc.asyncProperty(schoolArb, async (spec) => {
        const slug = `s${n++}`;
        const schoolId = (await createSchoolIfAbsent(slug, { en: slug, ru: slug, kk: slug })).id;
        const actor = { actorId: null, schoolId };
        const people: { userId: string; tiers: string[]; role: string }[] = [];
        for (const [i, t] of spec.teachers.entries()) {
          const email = `${slug}-${i}@x.kz`;
          await createMemberIfAbsent(schoolId, { email, name: email, passwordHash: null, locale: null, role: t.role, tiers: t.tiers });
          const userId = (await getUserForSignIn(email))!.id;
          people.push({ userId, tiers: t.tiers, role: t.role });
          for (const moduleId of t.named) await recordAssignment(actor, { moduleId, userId, dueDate: t.namedDue });
          for (const moduleId of t.passed) {
            const scope = { userId, schoolId };
            const attempt = await getOrCreateOpenAttempt(scope, moduleId, 'v1', () => ['q']);
            await recordSubmission(scope, attempt.id, { q: ['a'] }, () => ({ correctCount: 1, score: 100, passed: true }));
          }
        }
        for (const moduleId of spec.tierAssignments) await recordAssignment(actor, { moduleId, tier: moduleId.split('-m')[0]!, dueDate: spec.tierDue });

        // The school dashboard.
        const summary = summarizeCompletion(await getSchoolCompletionData(schoolId), '2026-01-01');
        const dashboard = Object.fromEntries(summary.byTier.map((t) => [t.tier, { teachers: t.teachers, expected: t.expected, completed: t.completed }]));
        // My training, teacher by teacher, from the teacher's own data source.
        let myTrainingTotal = 0;
        for (const p of people.filter((x) => x.role === 'teacher')) {
          const mine = expectedModules(p, CATALOG, await listMyAssignments(schoolId, p.userId, p.tiers));
          const theirs = summary.byTeacher.find((t) => t.userId === p.userId)?.cells.map((c) => c.moduleId) ?? [];
          expect(mine.map((m) => m.id).sort()).toEqual([...theirs].sort());
          myTrainingTotal += mine.length;
        }
        // The national roll-up.
        await refreshRollupSnapshot();
        for (const tier of TIERS) {
          const row = (await getSchoolRollup(tier)).find((r) => r.slug === slug)!;
          expect({ teachers: row.teachers, expected: row.expected, completed: row.completed }).toEqual(dashboard[tier]);
          // Overdue (past due in Kazakhstan, not completed) counts the same as on the dashboard.
          expect(row.overdue).toBe(summary.overdue.filter((o) => o.tier === tier).length);
        }
        const all = (await getSchoolRollup(null)).find((r) => r.slug === slug)!;
        expect(all.expected).toBe(summary.byTier.reduce((s, t) => s + t.expected, 0));
        expect(all.expected).toBe(myTrainingTotal);
        expect(all.completed).toBe(summary.byTier.reduce((s, t) => s + t.completed, 0));
        expect(all.teachers).toBe(summary.teacherCount);
        expect(all.overdue).toBe(summary.overdue.length);
      }),
      {
        numRuns: 25,
        examples: [[{ teachers: [{ tiers: [], role: 'teacher', named: [], passed: [], namedDue: '2030-01-01' }], tierAssignments: [], tierDue: '2030-01-01' }]],
      },
    );
  }, 240_000);
});
