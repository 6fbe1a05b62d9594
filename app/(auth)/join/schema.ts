import { z } from 'zod';
import { formText } from '@/lib/forms/text';
import { TIERS } from '@/lib/content/tiers';

const name = formText(2, 120);
const password = z.string().min(10, 'passwordShort').max(200, 'tooLong');

export const AcceptInviteSchema = z.object({ name, password });
export type AcceptInviteValues = z.infer<typeof AcceptInviteSchema>;

export const JoinSchema = z.object({
  code: z.string().trim().min(8, 'joinCode').max(12, 'joinCode'),
  name,
  email: z.string().trim().toLowerCase().min(1, 'required').max(254, 'tooLong').email('email'),
  password,
  tiers: z
    .array(z.enum(TIERS, { error: 'unknownTier' }))
    .min(1, 'tiersRequired')
    .max(4),
});
export type JoinValues = z.infer<typeof JoinSchema>;

/** What the join actions answer; `values` refill a form a page without script shows again (never the password). */
export type AccountFormState<T> =
  | { ok: true; to: string }
  | { ok: false; message?: string; fieldErrors?: Partial<Record<keyof T, string>>; values?: Partial<Record<keyof T, string | string[]>> }
  | null;
