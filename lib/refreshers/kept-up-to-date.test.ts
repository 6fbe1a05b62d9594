import { describe, expect, it } from 'vitest';
import { keptUpToDate } from './kept-up-to-date';

const r = (user: string, module: string, correct: number, total = 3) => ({
  user_id: user,
  name: user,
  module_id: module,
  stage: 60,
  correct_count: correct,
  total,
  answered_at: new Date(),
});

describe('kept up to date', () => {
  it('needs 2 of 3 right, per teacher and module, teachers by name', () => {
    const out = keptUpToDate([r('zed', 'm1', 3), r('amy', 'm1', 1), r('amy', 'm2', 2), r('bob', 'm1', 0, 0)]);
    expect(out.map((t) => t.name)).toEqual(['amy', 'bob', 'zed']);
    expect(out[0]!.modules.map((m) => [m.moduleId, m.kept])).toEqual([
      ['m1', false],
      ['m2', true],
    ]);
    expect(out[1]!.modules[0]!.kept).toBe(false);
    expect(out[2]!.modules[0]!.kept).toBe(true);
  });
});
