import { z } from 'zod';

/** Messages are keys into the `signin` namespace, translated where they are shown. */
export const SignInSchema = z.object({
  email: z.string().trim().min(1, 'emailRequired').max(254, 'emailInvalid').email('emailInvalid'),
  password: z.string().min(1, 'passwordRequired').max(200, 'passwordInvalid'),
});
export type SignInValues = z.infer<typeof SignInSchema>;

export type SignInError = 'invalid' | 'rateLimited' | 'unconfirmed' | 'noSchool' | 'failed';

/** What the sign-in action answers; `email` refills the form a page without script shows again (never the password). */
export type SignInState =
  | { ok: true; to: string }
  | { ok: false; message?: SignInError; retryAfterSeconds?: number; fieldErrors?: Partial<Record<keyof SignInValues, string>>; email?: string }
  | null;
