import { describe, expect, it } from 'vitest';
import { formText } from './text';

describe('formText', () => {
  it('accepts Kazakh and Russian text and trims it', () => {
    expect(formText(1, 50).parse('  № 1 мектеп, Әлия Қасымқызы ')).toBe('№ 1 мектеп, Әлия Қасымқызы');
  });

  it('refuses NUL and other control characters, empty and too long text', () => {
    expect(formText(1, 50).safeParse('School\u0000').error?.issues[0]?.message).toBe('invalidText');
    expect(formText(1, 50).safeParse('   ').error?.issues[0]?.message).toBe('required');
    expect(formText(2, 5).safeParse('abcdef').error?.issues[0]?.message).toBe('tooLong');
    expect(formText(0, 5).safeParse('').success).toBe(true);
  });
});
