import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '@/lib/content/types';
import { AnswerError, PASS_MARK, scoreAnswers, validateAnswers } from './score';

const q = (id: string, type: Question['type'], correct: string[]): Question => ({
  id,
  type,
  prompt: `Prompt ${id}`,
  options: [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B' },
    { id: 'c', text: 'C' },
    { id: 'd', text: 'D' },
  ],
  correct,
  explanation: 'Because of the evidence.',
  findings: ['help-seeking.upset-who-told'],
});

const bank = [q('q1', 'single', ['a']), q('q2', 'multiple', ['b', 'c']), q('q3', 'scenario', ['d']), q('q4', 'single', ['b']), q('q5', 'single', ['c'])];
const ids = bank.map((x) => x.id);
const allRight = { q1: ['a'], q2: ['c', 'b'], q3: ['d'], q4: ['b'], q5: ['c'] };

describe('scoreAnswers', () => {
  it('scores all correct as 100 and passed', () => {
    expect(scoreAnswers(ids, bank, allRight)).toMatchObject({ correctCount: 5, total: 5, score: 100, passed: true });
  });

  it('counts a multiple-choice answer only when it is exactly the correct set', () => {
    const partial = scoreAnswers(ids, bank, { ...allRight, q2: ['b'] });
    expect(partial.results.find((r) => r.id === 'q2')?.correct).toBe(false);
    const extra = scoreAnswers(ids, bank, { ...allRight, q2: ['a', 'b', 'c'] });
    expect(extra.results.find((r) => r.id === 'q2')?.correct).toBe(false);
  });

  it('passes at exactly the pass mark and fails just below it', () => {
    expect(scoreAnswers(ids, bank, { ...allRight, q5: ['a'] })).toMatchObject({ score: 80, passed: true });
    expect(scoreAnswers(ids, bank, { ...allRight, q4: ['a'], q5: ['a'] })).toMatchObject({ score: 60, passed: false });
  });

  it('does not pass 79.5% by rounding', () => {
    const big = Array.from({ length: 200 }, (_, i) => q(`x${i}`, 'single', ['a']));
    const answers = Object.fromEntries(big.map((x, i) => [x.id, [i < 159 ? 'a' : 'b']]));
    const s = scoreAnswers(
      big.map((x) => x.id),
      big,
      answers,
    );
    expect(s.score).toBe(80);
    expect(s.passed).toBe(false);
  });

  it('only grades the questions of the attempt', () => {
    expect(scoreAnswers(['q1', 'q2'], bank, { q1: ['a'], q2: ['b', 'c'] })).toMatchObject({ total: 2, score: 100 });
  });

  it('pass/fail always agrees with the exact ratio (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), (rights) => {
        const qs = rights.map((_, i) => q(`p${i}`, 'single', ['a']));
        const answers = Object.fromEntries(qs.map((x, i) => [x.id, [rights[i] ? 'a' : 'b']]));
        const s = scoreAnswers(
          qs.map((x) => x.id),
          qs,
          answers,
        );
        const correct = rights.filter(Boolean).length;
        expect(s.correctCount).toBe(correct);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(100);
        expect(s.passed).toBe(correct * 100 >= PASS_MARK * rights.length);
      }),
    );
  });
});

describe('validateAnswers', () => {
  it.each([
    ['an unknown question', { ...allRight, q9: ['a'] }, /not part of this attempt/],
    ['an option not offered', { ...allRight, q1: ['z'] }, /not offered/],
    ['a missing answer', { q1: ['a'] }, /has no answer/],
    ['two answers to a single-choice question', { ...allRight, q1: ['a', 'b'] }, /takes one answer/],
    ['the same option twice', { ...allRight, q2: ['b', 'b'] }, /twice/],
  ])('rejects %s', (_, answers, message) => {
    expect(() => validateAnswers(ids, bank, answers)).toThrow(AnswerError);
    expect(() => validateAnswers(ids, bank, answers)).toThrow(message);
  });
});
