import 'server-only';
import { listAnsweredPhases, recordConfidenceAnswers } from '@/db/queries/confidence';
import { listMyModuleProgress, type Scope } from '@/db/queries/progress';
import type { CatalogModule } from '@/lib/content/catalog';
import { confidencePhaseToAsk, mayRecordPhase, parseConfidenceForm, ConfidenceInputError, type Phase } from './answers';
import { getConfidenceBank } from './content';

async function moduleState(scope: Scope, mod: CatalogModule) {
  const [answered, [progress]] = await Promise.all([listAnsweredPhases(scope, mod.id), listMyModuleProgress(scope, [mod.id])]);
  return { answered, started: (progress?.readSectionIds.length ?? 0) + (progress?.attempts ?? 0) > 0, completed: !!progress?.completion };
}

/** The questionnaire to offer on the module page now, if any. */
export async function confidencePhaseFor(scope: Scope, mod: CatalogModule): Promise<Phase | null> {
  return confidencePhaseToAsk(await moduleState(scope, mod));
}

/** Stores a submitted (or skipped) questionnaire; throws ConfidenceInputError on a bad value or a phase not open. */
export async function saveConfidence(scope: Scope, mod: CatalogModule, phase: Phase, form: Iterable<[string, FormDataEntryValue]>, skip: boolean) {
  const values = parseConfidenceForm(getConfidenceBank(), form, skip);
  const { completed } = await moduleState(scope, mod);
  if (!mayRecordPhase(phase, completed)) throw new ConfidenceInputError('The "after" questions open once the module is passed.');
  await recordConfidenceAnswers(scope, mod.id, phase, values);
}
