import { z } from 'zod';

const id = z.string().min(1).max(80);

export const SubmissionSchema = z
  .object({ answers: z.record(id, z.array(id).min(1).max(5)).refine((a) => Object.keys(a).length <= 20, 'Too many answers.') })
  .strict();
export type Submission = z.infer<typeof SubmissionSchema>;

export const AttemptIdSchema = z.string().uuid();
