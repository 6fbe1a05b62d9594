import { z } from 'zod';

/** One deployment id added to a connected platform (Canvas shows it under Settings → Apps). */
export const DeploymentFormSchema = z.object({
  registrationId: z.string().uuid('registrationNotFound'),
  deploymentId: z
    .string()
    .trim()
    .min(1, 'required')
    .max(255, 'tooLong')
    .refine((v) => !/[\s,]/.test(v), 'oneDeployment'),
});
export type DeploymentFormValues = z.infer<typeof DeploymentFormSchema>;
export type DeploymentFormResult = { ok: boolean; fieldErrors?: Partial<Record<keyof DeploymentFormValues, string>> };
