import { z } from 'zod';
import { LOCALES } from '@/lib/i18n/locales';
import { formText } from '@/lib/forms/text';

/** Error messages are keys of the `forms` namespace. */
export const AccountSettingsSchema = z.object({
  name: formText(2, 120),
  locale: z.enum(LOCALES, { error: 'required' }),
  notifyOptional: z.boolean(),
});
export type AccountSettingsValues = z.infer<typeof AccountSettingsSchema>;

export const ChangePasswordSchema = z
  .object({
    current: z.string().min(1, 'required').max(200, 'tooLong'),
    password: z.string().min(10, 'passwordShort').max(200, 'tooLong'),
    confirm: z.string().max(200, 'tooLong'),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'passwordMismatch' });
export type ChangePasswordValues = z.infer<typeof ChangePasswordSchema>;

export type AccountResult<T> = { ok: boolean; fieldErrors?: Partial<Record<keyof T, string>> };
