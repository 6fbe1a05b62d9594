import { z } from 'zod';

export const ConfirmSchema = z.object({ token: z.string().max(100) });
