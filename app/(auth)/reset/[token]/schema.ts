import { z } from 'zod';

export const NewPasswordSchema = z
  .object({
    password: z.string().min(10, 'passwordShort').max(200, 'tooLong'),
    confirm: z.string().max(200, 'tooLong'),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'passwordMismatch' });
export type NewPasswordValues = z.infer<typeof NewPasswordSchema>;
export type NewPasswordResult = { ok: true } | { ok: false; message?: 'linkInvalid'; fieldErrors?: Partial<Record<keyof NewPasswordValues, string>> };
