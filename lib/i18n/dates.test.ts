import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, toDate } from './dates';

describe('dates in Kazakhstan time', () => {
  it('reads PostgreSQL text timestamps that Date alone would not parse everywhere', () => {
    expect(toDate('2026-11-29 02:31:57.839+00')?.toISOString()).toBe('2026-11-29T02:31:57.839Z');
    expect(toDate('2026-11-29 07:31:57+05')?.toISOString()).toBe('2026-11-29T02:31:57.000Z');
    expect(toDate('not a time')).toBeNull();
  });

  it('shows a UTC moment as Almaty time (UTC+5) in each language', () => {
    const at = new Date('2026-11-29T21:30:00Z');
    expect(formatDateTime(at, 'en')).toBe('30 Nov 2026, 02:30');
    expect(formatDateTime(at, 'ru')).toContain('30 нояб. 2026');
    expect(formatDateTime(at, 'ru')).toContain('02:30');
    expect(formatDateTime(at, 'kk')).toContain('30');
    expect(formatDateTime(at, 'kk')).toContain('қар');
    expect(formatDateTime('2026-11-29 02:31:57.839+00', 'en')).toBe('29 Nov 2026, 07:31');
  });

  it('prints nothing for a missing or invalid time instead of throwing', () => {
    expect(formatDateTime(null, 'en')).toBe('');
    expect(formatDateTime('garbage', 'kk')).toBe('');
  });

  it('formats a due date as the same calendar day, never shifted', () => {
    expect(formatDay('2026-12-15', 'en', 'long')).toBe('15 December 2026');
    expect(formatDay('2026-12-15', 'ru', 'long')).toBe('15 декабря 2026 г.');
    expect(formatDay('2026-12-15', 'kk', 'long')).toContain('15 желтоқсан');
    expect(formatDay('2026-01-01', 'en')).toBe('1 Jan 2026');
    expect(formatDay('2026-02-31', 'en')).toBe('2026-02-31');
    expect(formatDay(null, 'en')).toBe('');
  });
});
