import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db';
import { createTestDatabase } from '@/db/test-db';
import { recordCatalog } from './catalog';
import { refreshRollupSnapshot } from './operator';
import { createSchoolIfAbsent } from './schools';
import { createMemberIfAbsent } from './users';

const CATALOG = ['9-10', '11-12'].map((tier, i) => ({
  id: `${tier}-m1`,
  tier,
  position: 1,
  version: 'v1',
  sectionIds: ['a'],
  questionCount: 10,
  title: { en: 'M', ru: 'M', kk: 'M' },
  minutes: 20 + i,
}));

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
  await recordCatalog(CATALOG);
  for (const slug of ['north', 'south']) {
    const schoolId = (await createSchoolIfAbsent(slug, { en: slug, ru: slug, kk: slug })).id;
    for (const [i, tiers] of [['9-10'], ['11-12'], ['9-10', '11-12']].entries()) {
      const email = `${slug}-${i}@x.kz`;
      await createMemberIfAbsent(schoolId, { email, name: email, passwordHash: null, locale: null, role: 'teacher', tiers });
    }
  }
});
afterAll(() => db.dispose());

const snapshot = () =>
  queryRows<{ slug: string; tier: string; teachers: number }>(
    sql`select s.slug, r.tier, r.teachers from rollup_snapshots r join schools s on s.id = r.school_id order by s.slug, r.tier`,
  );

describe('national roll-up refresh', () => {
  // On PostgreSQL the pool gives each call its own connection: the same as the scheduled refresh in
  // one app process meeting an operator's "refresh now" in another. Without the advisory lock the
  // second insert of the snapshot fails on its (school, tier) key.
  it('refreshes at the same time from several connections without failing or doubling a row', async () => {
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => refreshRollupSnapshot()));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await snapshot();
    expect(rows.filter((r) => r.tier === '9-10').map((r) => [r.slug, r.teachers])).toEqual([
      ['north', 2],
      ['south', 2],
    ]);
    await refreshRollupSnapshot();
    expect(await snapshot()).toEqual(rows);
  });
});
