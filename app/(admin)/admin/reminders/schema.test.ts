import { describe, expect, it } from 'vitest';
import { ReminderSettingsSchema } from './schema';

describe('reminder settings form', () => {
  it('reads checkboxes and keeps the offered days only, largest first, once each', () => {
    expect(ReminderSettingsSchema.parse({ enabled: 'on', daysBefore: ['1', '7', '7'], weeklyDigest: 'on' })).toEqual({
      enabled: true,
      daysBefore: [7, 1],
      onOverdue: false,
      weeklyDigest: true,
    });
    expect(ReminderSettingsSchema.parse({ daysBefore: [] }).enabled).toBe(false);
  });

  it('refuses days that are not offered and values a checkbox cannot send', () => {
    expect(ReminderSettingsSchema.safeParse({ daysBefore: ['5'] }).success).toBe(false);
    expect(ReminderSettingsSchema.safeParse({ daysBefore: ['-1'] }).success).toBe(false);
    expect(ReminderSettingsSchema.safeParse({ daysBefore: ['abc'] }).success).toBe(false);
    expect(ReminderSettingsSchema.safeParse({ enabled: 'yes', daysBefore: [] }).success).toBe(false);
  });
});
