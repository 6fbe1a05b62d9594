import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/test-db';
import { recordAssignment } from '@/db/queries/assignments';
import { getOrCreateOpenAttempt } from '@/db/queries/attempts';
import { recordCatalog } from '@/db/queries/catalog';
import { getSchoolCompletionData } from '@/db/queries/completion';
import { markSectionRead } from '@/db/queries/progress';
import { createSchoolIfAbsent } from '@/db/queries/schools';
import { createMemberIfAbsent, getUserForSignIn } from '@/db/queries/users';
import { recordSubmission } from '@/lib/quiz/submission';
import { getSchoolDashboard } from './dashboard';
import { summarizeCompletion, type CompletionFilters } from './summarize';

const TODAY = '2026-06-01';
const TIERS = ['9-10', '11-12', '15-17'];
const CATALOG = TIERS.flatMap((tier) =>
  [1, 2].map((n) => ({
    id: `${tier}-m${n}`,
    tier,
    position: n,
    version: 'v1',
    sectionIds: ['a', 'summary'],
    questionCount: 10,
    title: { en: `${tier} ${n}`, ru: 'M', kk: 'M' },
    minutes: 20,
  })),
);
const MODULE_IDS = CATALOG.map((m) => m.id);
const FILTERS: CompletionFilters[] = [
  {},
  { tier: '9-10' },
  { status: 'overdue' },
  { status: 'completed', tier: '11-12' },
  { status: 'in_progress' },
  { status: 'not_started' },
];

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
  await recordCatalog(CATALOG);
});
afterAll(() => db.dispose());

const teacherArb = fc.record({
  tiers: fc.subarray(TIERS),
  named: fc.subarray(MODULE_IDS, { maxLength: 2 }),
  namedDue: fc.constantFrom('2020-01-01', '2030-01-01'),
  passed: fc.subarray(MODULE_IDS, { maxLength: 3 }),
  failed: fc.subarray(MODULE_IDS, { maxLength: 1 }),
  read: fc.subarray(MODULE_IDS, { maxLength: 2 }),
});
const schoolArb = fc.record({
  teachers: fc.array(teacherArb, { minLength: 0, maxLength: 7 }),
  tierAssignments: fc.subarray(MODULE_IDS, { maxLength: 3 }),
  tierDue: fc.constantFrom('2020-01-01', '2030-01-01'),
});

type SchoolSpec = typeof schoolArb extends fc.Arbitrary<infer T> ? T : never;

let n = 0;
async function seedSchool(spec: SchoolSpec) {
  const slug = `d${n++}`;
  const schoolId = (await createSchoolIfAbsent(slug, { en: slug, ru: slug, kk: slug })).id;
  const actor = { actorId: null, schoolId };
  for (const [i, t] of spec.teachers.entries()) {
    // Names out of insertion order, so "by name" is tested.
    const email = `${slug}-${i}@x.kz`;
    await createMemberIfAbsent(schoolId, { email, name: `T${(i * 5) % 7}-${i}`, passwordHash: null, locale: null, role: 'teacher', tiers: t.tiers });
    const scope = { userId: (await getUserForSignIn(email))!.id, schoolId };
    for (const moduleId of t.named) await recordAssignment(actor, { moduleId, userId: scope.userId, dueDate: t.namedDue });
    for (const moduleId of t.read) await markSectionRead(scope, moduleId, 'a');
    for (const [list, passed] of [
      [t.failed, false],
      [t.passed, true],
    ] as const) {
      for (const moduleId of list) {
        const attempt = await getOrCreateOpenAttempt(scope, moduleId, 'v1', () => ['q']);
        await recordSubmission(scope, attempt.id, { q: ['a'] }, () => ({ correctCount: passed ? 1 : 0, score: passed ? 100 : 0, passed }));
      }
    }
  }
  for (const moduleId of spec.tierAssignments) await recordAssignment(actor, { moduleId, tier: moduleId.split('-m')[0]!, dueDate: spec.tierDue });
  return schoolId;
}

describe('the school dashboard counted in SQL', () => {
  it('shows what the full summary shows, a page of teachers at a time', async () => {
    await fc.assert(
      fc.asyncProperty(schoolArb, async (spec) => {
        const schoolId = await seedSchool(spec);
        const data = await getSchoolCompletionData(schoolId);
        for (const filters of FILTERS) {
          const full = summarizeCompletion(data, TODAY, filters);
          const first = await getSchoolDashboard(schoolId, filters, { page: 1, pageSize: 3, overdueLimit: 2, today: TODAY });
          expect(first.byModule).toEqual(full.byModule);
          expect(first.byTier).toEqual(full.byTier);
          expect(first.overTime).toEqual(full.overTime);
          expect(first.overdueTotal).toBe(full.overdue.length);
          expect(first.overdue).toEqual(
            full.overdue.slice(0, 2).map((o) => ({ teacher: o.teacher, email: o.email, moduleId: o.moduleId, dueDate: o.dueDate })),
          );
          const pages = Math.max(1, Math.ceil(full.byTeacher.length / 3));
          expect(first.teachers).toMatchObject({ total: full.byTeacher.length, pages, page: 1 });
          const seen = [];
          for (let page = 1; page <= pages; page++) {
            const d = page === 1 ? first : await getSchoolDashboard(schoolId, filters, { page, pageSize: 3, today: TODAY });
            seen.push(...d.teachers.rows.map((t) => ({ userId: t.userId, inTier: t.inTier, cells: t.cells })));
          }
          expect(seen).toEqual(full.byTeacher.map((t) => ({ userId: t.userId, inTier: t.inTier, cells: t.cells })));
          // A page past the end is the last page.
          const beyond = await getSchoolDashboard(schoolId, filters, { page: pages + 5, pageSize: 3, today: TODAY });
          expect(beyond.teachers.page).toBe(pages);
          expect(beyond.teachers.rows.map((t) => t.userId)).toEqual(full.byTeacher.slice((pages - 1) * 3).map((t) => t.userId));
        }
      }),
      { numRuns: 12 },
    );
  });

  it("never counts or lists another school's teachers", async () => {
    const a = await seedSchool({
      teachers: [{ tiers: ['9-10'], named: [], namedDue: '2020-01-01', passed: ['9-10-m1'], failed: [], read: [] }],
      tierAssignments: ['9-10-m2'],
      tierDue: '2020-01-01',
    });
    const b = await seedSchool({ teachers: [], tierAssignments: [], tierDue: '2020-01-01' });
    const empty = await getSchoolDashboard(b, {}, { today: TODAY });
    expect(empty.teachers).toEqual({ rows: [], page: 1, pages: 1, total: 0, first: 0 });
    expect(empty.byModule.every((m) => m.expected === 0)).toBe(true);
    expect(empty.overdue).toEqual([]);
    expect(empty.overTime).toEqual([]);
    const own = await getSchoolDashboard(a, {}, { today: TODAY });
    expect(own.teachers.total).toBe(1);
    expect(own.overdueTotal).toBe(1);
    // ?page=999999999 (the largest parsePage lets through) is the last page, not an integer overflow.
    const far = await getSchoolDashboard(a, {}, { page: 999_999_999, today: TODAY });
    expect(far.teachers).toMatchObject({ page: 1, pages: 1, total: 1, first: 1 });
  });
});
