import { describe, expect, it } from 'vitest';
import { drawQuestions, QUIZ_SIZE } from './draw';

const bank = Array.from({ length: 12 }, (_, i) => `q${i}`);

describe('drawQuestions', () => {
  it('draws QUIZ_SIZE distinct questions from the bank', () => {
    const drawn = drawQuestions(bank, []);
    expect(drawn).toHaveLength(QUIZ_SIZE);
    expect(new Set(drawn).size).toBe(QUIZ_SIZE);
    for (const id of drawn) expect(bank).toContain(id);
  });

  it('puts every question not seen last time into the retry', () => {
    for (let run = 0; run < 50; run++) {
      const first = drawQuestions(bank, []);
      const unseen = bank.filter((id) => !first.includes(id));
      const retry = drawQuestions(bank, first);
      for (const id of unseen) expect(retry).toContain(id);
      expect(retry).not.toEqual(first);
    }
  });

  it('never draws more than the bank holds', () => {
    expect(drawQuestions(['a', 'b'], [])).toHaveLength(2);
  });
});
