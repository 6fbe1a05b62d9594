import { z } from 'zod';

/** Error messages are keys of the `forms` namespace. */
export const ForgotSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'required').max(254, 'tooLong').email('email'),
});
export type ForgotValues = z.infer<typeof ForgotSchema>;
export type ForgotResult = { ok: true } | { ok: false; fieldErrors?: Partial<Record<keyof ForgotValues, string>> };
