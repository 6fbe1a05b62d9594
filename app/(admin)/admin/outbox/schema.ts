import { z } from 'zod';

export const MailIdSchema = z.object({ mailId: z.string().uuid() });
