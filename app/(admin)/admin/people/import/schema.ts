import { z } from 'zod';
import type { FileProblem } from '@/lib/people-import/errors';
import type { ImportRow } from '@/lib/people-import/rows';

export const ConfirmSchema = z.object({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/) });

/** Valid rows shown in the preview besides every row with a problem. */
export const PREVIEW_VALID_ROWS = 200;

export type ImportPreview = { format: 'csv' | 'xlsx'; encoding: string | null; total: number; validCount: number; fingerprint: string; rows: ImportRow[] };
export type ImportResult =
  | { ok: true; preview?: ImportPreview; links?: { name: string; email: string; link: string }[] }
  | { ok: false; fileProblem: FileProblem | 'changed'; detail?: Record<string, string | number> };
