import type { ContentProblem } from '@/lib/content/check';
import { getFindings } from '@/lib/content/findings';
import { modulesRoot } from '@/lib/content/catalog';
import { getConfidenceBank } from './content';

/** The confidence statements load, and every finding they build on exists. */
export function checkConfidence(root = modulesRoot()): ContentProblem[] {
  const where = 'modules/confidence.json';
  try {
    const bank = getConfidenceBank(root);
    const findings = getFindings();
    return bank.questions.flatMap((q) =>
      q.findings.filter((id) => !findings.has(id)).map((id) => ({ where, message: `question "${q.id}" cites unknown finding "${id}"` })),
    );
  } catch (err) {
    return [{ where, message: (err as Error).message }];
  }
}
