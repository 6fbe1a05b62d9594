import { describe, expect, it } from 'vitest';
import { unanswered } from './unanswered';

describe('unanswered questions', () => {
  const questions = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('names every question with no choice, an empty list, null or a missing entry', () => {
    expect(unanswered(questions, { answers: { a: '', b: [], c: null } })).toEqual(['a', 'b', 'c']);
    expect(unanswered(questions, { answers: {} })).toEqual(['a', 'b', 'c']);
  });

  it('accepts a chosen option or a non-empty list', () => {
    expect(unanswered(questions, { answers: { a: 'o1', b: ['o2', 'o3'], c: 'o4' } })).toEqual([]);
    expect(unanswered(questions, { answers: { a: 'o1', b: ['o2'] } })).toEqual(['c']);
  });
});
