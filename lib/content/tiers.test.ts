import { describe, expect, it } from 'vitest';
import { compareTiers, TIERS } from './tiers';

describe('compareTiers', () => {
  it('sorts age groups by age, not as text', () => {
    expect(['15-17', '9-10', '13-14', '11-12'].sort(compareTiers)).toEqual(['9-10', '11-12', '13-14', '15-17']);
    expect([...TIERS].sort(compareTiers)).toEqual([...TIERS]);
  });
  it('puts anything that is not an age group last instead of failing', () => {
    expect(['x', '9-10', ''].sort(compareTiers)).toEqual(['9-10', '', 'x']);
  });
});
