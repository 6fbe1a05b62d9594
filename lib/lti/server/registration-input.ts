import { z } from 'zod';
import { isSecureUrl } from '@/lib/lti/types';

const url = z.string().trim().min(1, 'required').max(500, 'tooLong').refine(isSecureUrl, 'httpsUrl');

/** One schema for the admin form, the operator command line and the operator endpoint. */
export const PlatformInputSchema = z.object({
  issuer: url,
  clientId: z.string().trim().min(1, 'required').max(255, 'tooLong'),
  authUrl: url,
  tokenUrl: url,
  jwksUrl: url,
  deploymentIds: z.array(z.string().trim().min(1, 'required').max(255, 'tooLong')).min(1, 'deploymentRequired').max(50, 'tooLong'),
});
export type PlatformInput = z.infer<typeof PlatformInputSchema>;

/** Deployment ids typed as one field: separated by commas, spaces or new lines. */
export function splitDeployments(value: string) {
  return value.split(/[\s,]+/).filter(Boolean);
}
