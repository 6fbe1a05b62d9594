import { z } from 'zod';
import { TIERS } from '@/lib/content/tiers';

/** Error messages are keys of the `forms` namespace. */
export const InviteSchema = z
  .object({
    email: z.string().trim().toLowerCase().min(1, 'required').max(254, 'tooLong').email('email'),
    role: z.enum(['teacher', 'school_admin'], { error: 'required' }),
    tiers: z.array(z.enum(TIERS, { error: 'unknownTier' })).max(4),
  })
  .refine((v) => v.role !== 'teacher' || v.tiers.length > 0, { path: ['tiers'], message: 'tiersRequired' });
export type InviteValues = z.infer<typeof InviteSchema>;

export const MemberTiersSchema = z.object({
  userId: z.string().uuid(),
  tiers: z.array(z.enum(TIERS)).max(4),
});

export const MemberActiveSchema = z.object({ userId: z.string().uuid(), active: z.enum(['true', 'false']) });
export const MemberIdSchema = z.object({ userId: z.string().uuid() });
export const InviteIdSchema = z.object({ inviteId: z.string().uuid() });

export type FormResult<T> = { ok: boolean; message?: string; fieldErrors?: Partial<Record<keyof T, string>>; link?: string };
