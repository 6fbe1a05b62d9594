import { describe, expect, it } from 'vitest';
import { difficulty, itemFlags, MIN_ANSWERS } from './flags';

describe('item flags', () => {
  it('flags an item more than 95% answer correctly, and not one at exactly 95%', () => {
    expect(itemFlags({ answered: 100, correct: 96, discrimination: 0.2 })).toEqual(['tooEasy']);
    expect(itemFlags({ answered: 100, correct: 95, discrimination: 0.2 })).toEqual([]);
  });
  it('flags an item fewer than 20% answer correctly, and not one at exactly 20%', () => {
    expect(itemFlags({ answered: 100, correct: 19, discrimination: 0.1 })).toEqual(['tooHard']);
    expect(itemFlags({ answered: 100, correct: 20, discrimination: 0.1 })).toEqual([]);
  });
  it('flags negative discrimination, alone or with a difficulty flag', () => {
    expect(itemFlags({ answered: 50, correct: 25, discrimination: -0.01 })).toEqual(['negative']);
    expect(itemFlags({ answered: 50, correct: 5, discrimination: -0.3 })).toEqual(['tooHard', 'negative']);
    expect(itemFlags({ answered: 50, correct: 25, discrimination: null })).toEqual([]);
  });
  it('raises nothing below the minimum number of answers', () => {
    expect(itemFlags({ answered: MIN_ANSWERS - 1, correct: MIN_ANSWERS - 1, discrimination: -1 })).toEqual([]);
    expect(difficulty({ answered: 0, correct: 0 })).toBeNull();
  });
});
