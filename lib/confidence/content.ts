import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { modulesRoot } from '@/lib/content/catalog';
import { ContentError } from '@/lib/content/parse';

const Localized = z.object({ kk: z.string().min(10), ru: z.string().min(10), en: z.string().min(10) }).strict();

export const ConfidenceBankSchema = z
  .object({
    about: z.string(),
    questions: z
      .array(z.object({ id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), findings: z.array(z.string()).min(1), text: Localized }).strict())
      .min(3)
      .max(4),
  })
  .strict();
export type ConfidenceBank = z.infer<typeof ConfidenceBankSchema>;
export type ConfidenceQuestion = ConfidenceBank['questions'][number];

let cached: ConfidenceBank | undefined;

/** The 3-4 confidence statements of `modules/confidence.json`, read once per process. */
export function getConfidenceBank(root = modulesRoot()): ConfidenceBank {
  if (cached && root === modulesRoot()) return cached;
  const file = path.join(root, 'confidence.json');
  const parsed = ConfidenceBankSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new ContentError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (new Set(parsed.data.questions.map((q) => q.id)).size !== parsed.data.questions.length) throw new ContentError(`${file}: a question id repeats`);
  if (root === modulesRoot()) cached = parsed.data;
  return parsed.data;
}
