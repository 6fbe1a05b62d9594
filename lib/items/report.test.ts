import { describe, expect, it } from 'vitest';
import type { ItemStatRow } from '@/db/queries/item-stats';
import type { CatalogModule } from '@/lib/content/catalog';
import { buildItemReport, sortItemReport } from './report';

const question = (id: string, correct: string[]) => ({
  id,
  type: 'single',
  prompt: `Prompt ${id}`,
  options: ['a', 'b', 'c'].map((o) => ({ id: o, text: `Option ${o}` })),
  correct,
  explanation: 'x',
  findings: [],
});
const mod = (id: string, qs: ReturnType<typeof question>[]) =>
  ({ id, tier: '9-10', lessons: { en: { frontmatter: { title: `Module ${id}` } } }, quizzes: { en: { questions: qs } } }) as unknown as CatalogModule;
const catalog = [mod('m1', [question('q1', ['a']), question('q2', ['b'])]), mod('m2', [question('q1', ['c'])])];
const stat = (
  moduleId: string,
  questionId: string,
  answered: number,
  correct: number,
  discrimination: number | null,
  optionCounts: Record<string, number>,
): ItemStatRow => ({
  moduleId,
  locale: '',
  questionId,
  answered,
  correct,
  discrimination,
  optionCounts,
  computedAt: new Date(0),
});

describe('item report', () => {
  const stats = [
    stat('m1', 'q1', 100, 97, 0.1, { a: 97, b: 3 }),
    stat('m1', 'q2', 100, 50, 0.4, { a: 30, b: 50, c: 20 }),
    stat('m2', 'q1', 100, 10, -0.2, { a: 60, b: 30, c: 10 }),
    stat('gone', 'q1', 5, 5, null, {}), // a module no longer in the content is left out
  ];

  it('joins the snapshot with the content: shares per option in content order, the key marked', () => {
    const rows = buildItemReport(stats, catalog, 'en');
    expect(rows).toHaveLength(3);
    const q2 = rows.find((r) => r.moduleId === 'm1' && r.questionId === 'q2')!;
    expect(q2.difficulty).toBe(0.5);
    expect(q2.options.map((o) => [o.label, o.picked, o.share, o.correct])).toEqual([
      ['A', 30, 0.3, false],
      ['B', 50, 0.5, true],
      ['C', 20, 0.2, false],
    ]);
    expect(rows.find((r) => r.moduleId === 'm1' && r.questionId === 'q1')!.flags).toEqual(['tooEasy']);
    expect(rows.find((r) => r.moduleId === 'm2')!.flags).toEqual(['tooHard', 'negative']);
  });

  it('sorts flagged first, hardest first, lowest discrimination first or in module order', () => {
    const rows = buildItemReport(stats, catalog, 'en');
    const ids = (sort: Parameters<typeof sortItemReport>[1]) => sortItemReport(rows, sort, catalog).map((r) => `${r.moduleId}/${r.questionId}`);
    expect(ids('flags')).toEqual(['m2/q1', 'm1/q1', 'm1/q2']);
    expect(ids('difficulty')).toEqual(['m2/q1', 'm1/q2', 'm1/q1']);
    expect(ids('discrimination')).toEqual(['m2/q1', 'm1/q1', 'm1/q2']);
    expect(ids('module')).toEqual(['m1/q1', 'm1/q2', 'm2/q1']);
  });
});
