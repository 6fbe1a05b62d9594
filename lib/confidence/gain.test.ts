import { describe, expect, it } from 'vitest';
import type { CatalogModule } from '@/lib/content/catalog';
import { learningGainTable, MIN_CELL } from './gain';

const mod = (id: string, tier: string) => ({ id, tier, lessons: { en: { frontmatter: { title: `T ${id}` } } } }) as unknown as CatalogModule;
const catalog = [mod('a', '9-10'), mod('b', '9-10'), mod('c', '13-14')];

describe('learning gain table', () => {
  it('hides the mean of any cell with fewer than 5 teachers, keeping the count', () => {
    const rows = learningGainTable(
      [{ module_id: 'a', before_teachers: MIN_CELL, before_mean: 2.5, after_teachers: MIN_CELL - 1, after_mean: 4, paired_teachers: 3, paired_change: 1.5 }],
      catalog,
      'en',
    );
    expect(rows[0]).toEqual({
      moduleId: 'a',
      tier: '9-10',
      title: 'T a',
      before: { teachers: 5, mean: 2.5 },
      after: { teachers: 4, mean: null },
      change: { teachers: 3, mean: null },
    });
  });
  it('lists every module in catalog order, filtered by tier, with zero teachers where nobody answered', () => {
    expect(learningGainTable([], catalog, 'en').map((r) => [r.moduleId, r.before.teachers, r.before.mean])).toEqual([
      ['a', 0, null],
      ['b', 0, null],
      ['c', 0, null],
    ]);
    expect(learningGainTable([], catalog, 'en', '13-14').map((r) => r.moduleId)).toEqual(['c']);
  });
});
