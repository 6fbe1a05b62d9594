import { describe, expect, it } from 'vitest';
import { bankStats, checkBankFairness, duplicateQuestionIds, isBareNumber } from './quiz-fairness';
import type { Question } from './types';

const q = (id: string, texts: string[], correct: string[], type: Question['type'] = 'single'): Question => ({
  id,
  type,
  prompt: 'What do you do?',
  options: texts.map((text, i) => ({ id: 'abcd'[i]!, text })),
  correct,
  explanation: 'Because it helps the child.',
  findings: ['help-seeking.upset-who-told'],
});

describe('isBareNumber', () => {
  it.each(['31.5%', 'About 45.8%', 'around 5–8 years old', 'Under 5', 'около 31,5%', 'Примерно 24 процента', 'шамамен 31,5 %', '150'])('flags "%s"', (text) => {
    expect(isBareNumber(text)).toBe(true);
  });
  it.each(['A friend', 'Call Helpline 150 together with the pupil', 'Ask what happened first', '150 желісіне бірге қоңырау шалу', 'Никому'])(
    'accepts "%s"',
    (text) => {
      expect(isBareNumber(text)).toBe(false);
    },
  );
});

describe('bankStats', () => {
  it('counts a key as longest only when it is strictly longer than every other option', () => {
    const stats = bankStats([q('a', ['same', 'same!', 'tiny'], ['b']), q('b', ['eq', 'eq'.padEnd(5), 'xx'], ['a']), q('c', ['aaaa', 'bbbb', 'cc'], ['a'])]);
    expect(stats.longestKeyShare).toBeCloseTo(1 / 3);
    expect(stats.positionShares).toEqual([2 / 3, 1 / 3]);
  });

  it('compares key and distractor lengths over multiple-choice items too, but positions over single keys only', () => {
    const stats = bankStats([q('m', ['long long', 'long long', 'abc'], ['a', 'b'], 'multiple'), q('s', ['abc', 'abcdefghi', 'abc'], ['b'])]);
    expect(stats.keyLengthRatio).toBeCloseTo(9 / 3);
    expect(stats.singles).toBe(1);
  });
});

describe('checkBankFairness', () => {
  const fair = Array.from({ length: 20 }, (_, i) => q(`f${i}`, ['Talk to them', 'Take the phone', 'Wait and see', 'Tell the class'], ['abcd'[i % 4]!]));

  it('passes a bank with equal-length options and keys spread over positions', () => {
    expect(checkBankFairness(fair)).toEqual([]);
  });

  it('flags a bank whose key is always the longest, always second, and too small', () => {
    const bad = fair
      .slice(0, 12)
      .map((x) => ({ ...x, options: x.options.map((o) => (o.id === 'b' ? { ...o, text: `${o.text}, calmly and with care` } : o)), correct: ['b'] }));
    const errors = checkBankFairness(bad);
    expect(errors).toEqual([
      'has 12 questions; at least 20 are required',
      expect.stringMatching(/strictly longest option in 100%/),
      expect.stringMatching(/correct options are on average \d+% of the length/),
      expect.stringMatching(/option 2 is the key of 100%/),
    ]);
  });
});

describe('duplicateQuestionIds', () => {
  it('reports an id used by two modules, once per reuse', () => {
    expect(
      duplicateQuestionIds([
        { moduleId: 'm1', questionIds: ['x', 'y'] },
        { moduleId: 'm2', questionIds: ['y', 'z'] },
        { moduleId: 'm3', questionIds: ['y'] },
      ]),
    ).toEqual(['question id "y" is also used by module m1', 'question id "y" is also used by module m1']);
    expect(
      duplicateQuestionIds([
        { moduleId: 'm1', questionIds: ['x'] },
        { moduleId: 'm2', questionIds: ['z'] },
      ]),
    ).toEqual([]);
  });
});
