import { z } from 'zod';
import { TIERS } from '@/lib/content/tiers';
import { isCalendarDate } from '@/lib/forms/date';

/** `today` is passed in so the same schema runs in the browser and on the server. */
export function assignmentSchema(today: string) {
  return z
    .object({
      moduleId: z.string().min(1, 'required').max(80, 'tooLong'),
      target: z.string().min(1, 'required').max(80, 'tooLong'),
      dueDate: z
        .string()
        .max(10, 'date')
        .refine(isCalendarDate, 'date')
        .refine((d) => d >= today, 'dateInPast'),
    })
    .refine((v) => v.target.startsWith('tier:') || v.target.startsWith('user:'), { path: ['target'], message: 'required' });
}
export type AssignmentValues = z.infer<ReturnType<typeof assignmentSchema>>;

/** "tier:9-10" or "user:<uuid>". */
export function parseTarget(target: string) {
  const [kind, value = ''] = target.split(/:(.*)/s);
  if (kind === 'tier' && (TIERS as readonly string[]).includes(value)) return { tier: value } as const;
  if (kind === 'user' && z.string().uuid().safeParse(value).success) return { userId: value } as const;
  return null;
}

export type AssignmentResult = { ok: boolean; fieldErrors?: Partial<Record<keyof AssignmentValues, string>> };
