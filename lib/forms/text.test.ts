import { describe, expect, it } from 'vitest';
import { cleanName, formText, hasUnsafeText } from './text';

describe('formText', () => {
  it('accepts Kazakh and Russian text and trims it', () => {
    expect(formText(1, 50).parse('  № 1 мектеп, Әлия Қасымқызы ')).toBe('№ 1 мектеп, Әлия Қасымқызы');
  });

  it('refuses NUL and other control characters, empty and too long text', () => {
    expect(formText(1, 50).safeParse('School\u0000').error?.issues[0]?.message).toBe('invalidText');
    expect(formText(1, 50).safeParse('Sch\tool').error?.issues[0]?.message).toBe('invalidText');
    expect(formText(1, 50).safeParse('Sch\u0085ool').error?.issues[0]?.message).toBe('invalidText');
    expect(formText(1, 50).safeParse('   ').error?.issues[0]?.message).toBe('required');
    expect(formText(2, 5).safeParse('abcdef').error?.issues[0]?.message).toBe('tooLong');
    expect(formText(0, 5).safeParse('').success).toBe(true);
  });

  it('refuses every bidi embedding, override and isolate', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(formText(1, 50).safeParse(`Admin${c}nimda`).error?.issues[0]?.message, `U+${c.codePointAt(0)!.toString(16)}`).toBe('invalidText');
    }
  });

  it('keeps the joiners Kazakh and Arabic-script text may need', () => {
    expect(hasUnsafeText('a\u200Cb\u200Dc')).toBe(false);
  });
});

describe('cleanName', () => {
  it('removes NUL, controls and bidi overrides and collapses the white space they leave', () => {
    expect(cleanName('Ай\u0000гүл\u202E  Сейіт\nова\u2066', 120)).toBe('Ай гүл Сейіт ова');
  });

  it('truncates to the limit by characters, never splitting a surrogate pair', () => {
    expect(cleanName('x'.repeat(500), 120)).toHaveLength(120);
    const emoji = cleanName('ab😀😀', 3)!;
    expect(Array.from(emoji)).toEqual(['a', 'b', '😀']);
  });

  it('returns null when nothing usable is left or the claim is not a string', () => {
    expect(cleanName('\u0000\u202E \t', 120)).toBeNull();
    expect(cleanName(undefined, 120)).toBeNull();
    expect(cleanName(42, 120)).toBeNull();
    expect(cleanName({ name: 'x' }, 120)).toBeNull();
  });
});
