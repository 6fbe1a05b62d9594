import { z } from 'zod';

export const REMINDER_DAY_CHOICES = [14, 7, 3, 2, 1] as const;

const checked = z
  .literal('on')
  .optional()
  .transform((v) => v === 'on');

export const ReminderSettingsSchema = z.object({
  enabled: checked,
  daysBefore: z
    .array(z.coerce.number().pipe(z.union(REMINDER_DAY_CHOICES.map((d) => z.literal(d)) as unknown as [z.ZodLiteral<number>, z.ZodLiteral<number>])))
    .max(REMINDER_DAY_CHOICES.length)
    .transform((days) => [...new Set(days)].sort((a, b) => b - a)),
  onOverdue: checked,
  weeklyDigest: checked,
});
export type ReminderSettingsValues = z.infer<typeof ReminderSettingsSchema>;
