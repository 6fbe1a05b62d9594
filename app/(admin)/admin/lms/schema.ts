import { z } from 'zod';
import { PlatformInputSchema, splitDeployments } from '@/lib/lti/server/registration-input';

/** The form sends deployment ids as one text field. */
export const PlatformFormSchema = PlatformInputSchema.omit({ deploymentIds: true }).extend({
  deployments: z
    .string()
    .max(2000, 'tooLong')
    .refine((v) => splitDeployments(v).length > 0, 'deploymentRequired'),
});
export type PlatformFormValues = z.infer<typeof PlatformFormSchema>;
export type PlatformFormResult = { ok: boolean; fieldErrors?: Partial<Record<keyof PlatformFormValues, string>> };
