import { describe, expect, it } from 'vitest';
import { headlineOf } from './headline';

describe('headlineOf', () => {
  it('sums expected, completed and overdue modules', () => {
    expect(
      headlineOf([
        { expected: 10, completed: 4, overdue: 2 },
        { expected: 6, completed: 6, overdue: 0 },
      ]),
    ).toEqual({ expected: 16, completed: 10, overdue: 2, percent: 62 });
  });
  it('never shows 100% while a module is missing, and 0% when nothing is expected', () => {
    expect(headlineOf([{ expected: 1000, completed: 999, overdue: 1 }]).percent).toBe(99);
    expect(headlineOf([])).toEqual({ expected: 0, completed: 0, overdue: 0, percent: 0 });
  });
});
