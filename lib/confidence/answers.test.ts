import { describe, expect, it } from 'vitest';
import { checkConfidence } from './check';
import { confidencePhaseToAsk, ConfidenceInputError, mayRecordPhase, parseConfidenceForm } from './answers';
import { getConfidenceBank } from './content';

const bank = getConfidenceBank();
const ids = bank.questions.map((q) => q.id);

describe('confidence content', () => {
  it('has 3-4 statements in every language, citing known findings', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(3);
    expect(bank.questions.length).toBeLessThanOrEqual(4);
    expect(checkConfidence()).toEqual([]);
    for (const q of bank.questions) expect(new Set([q.text.kk, q.text.ru, q.text.en]).size).toBe(3);
  });
});

describe('confidence form', () => {
  it('reads values 1-5 and leaves blanks as skipped', () => {
    const rows = parseConfidenceForm(
      bank,
      [
        [`q:${ids[0]}`, '4'],
        [`q:${ids[1]}`, ''],
        ['q:not-a-question', '5'],
        ['other', 'x'],
      ],
      false,
    );
    expect(rows).toEqual(ids.map((id, i) => ({ questionId: id, value: i === 0 ? 4 : null })));
  });
  it('refuses a value out of range or not a whole number', () => {
    for (const bad of ['0', '6', '3.5', '-1', ' 3', 'five', '1e0']) {
      expect(() => parseConfidenceForm(bank, [[`q:${ids[0]}`, bad]], false)).toThrow(ConfidenceInputError);
    }
  });
  it('records every question as skipped when the teacher skips, whatever was sent', () => {
    expect(parseConfidenceForm(bank, [[`q:${ids[0]}`, '9']], true).every((r) => r.value === null)).toBe(true);
  });
});

describe('when to ask', () => {
  it('asks before reading starts and after passing, once each', () => {
    expect(confidencePhaseToAsk({ answered: [], started: false, completed: false })).toBe('before');
    expect(confidencePhaseToAsk({ answered: ['before'], started: false, completed: false })).toBeNull();
    expect(confidencePhaseToAsk({ answered: [], started: true, completed: false })).toBeNull();
    expect(confidencePhaseToAsk({ answered: ['before'], started: true, completed: true })).toBe('after');
    expect(confidencePhaseToAsk({ answered: ['before', 'after'], started: true, completed: true })).toBeNull();
  });
  it('records "after" only for a passed module', () => {
    expect(mayRecordPhase('after', false)).toBe(false);
    expect(mayRecordPhase('after', true)).toBe(true);
    expect(mayRecordPhase('before', false)).toBe(true);
  });
});
