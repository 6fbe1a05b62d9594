import { describe, expect, it } from 'vitest';
import { assignmentSchema } from '@/app/(admin)/admin/assignments/schema';
import { isCalendarDate } from './date';

const base = { moduleId: '9-10/m1', target: 'tier:9-10' };

describe('assignment due date', () => {
  it('refuses impossible calendar days with a field error instead of passing them to the database', () => {
    for (const dueDate of ['2030-02-30', '2030-02-29', '2030-04-31', '2030-13-01', '2030-00-10', '2030-01-00']) {
      const result = assignmentSchema('2026-01-01').safeParse({ ...base, dueDate });
      expect(
        result.error?.issues.map((i) => [i.path[0], i.message]),
        dueDate,
      ).toEqual([['dueDate', 'date']]);
    }
  });

  it('accepts real days, leap days included, and refuses past ones', () => {
    expect(assignmentSchema('2026-01-01').safeParse({ ...base, dueDate: '2028-02-29' }).success).toBe(true);
    expect(assignmentSchema('2026-01-01').safeParse({ ...base, dueDate: '2025-12-31' }).error?.issues[0]?.message).toBe('dateInPast');
  });

  it('refuses other shapes of date', () => {
    for (const value of ['2030-2-3', '30-02-2030', '2030-02-03T00:00', '', ' 2030-02-03']) expect(isCalendarDate(value), value).toBe(false);
  });
});
