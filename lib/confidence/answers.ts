import { z } from 'zod';
import type { ConfidenceBank } from './content';

export const PHASES = ['before', 'after'] as const;
export type Phase = (typeof PHASES)[number];

export class ConfidenceInputError extends Error {}

/** A question left blank (or skipped) is null; anything else must be a whole number 1-5. */
const Value = z.union([z.literal(''), z.enum(['1', '2', '3', '4', '5'])]);

/**
 * Reads a submitted form: one value per question of the bank (missing = skipped). Unknown
 * fields are ignored; a value out of range refuses the whole submission, so nothing half-valid
 * is stored. `skip` records every question as skipped, so the teacher is not asked again.
 */
export function parseConfidenceForm(bank: ConfidenceBank, form: Iterable<[string, FormDataEntryValue]>, skip: boolean) {
  const fields = new Map<string, unknown>();
  for (const [k, v] of form) if (k.startsWith('q:')) fields.set(k.slice(2), v);
  return bank.questions.map((q) => {
    if (skip) return { questionId: q.id, value: null };
    const raw = fields.get(q.id) ?? '';
    const parsed = Value.safeParse(raw);
    if (!parsed.success) throw new ConfidenceInputError(`Question "${q.id}" takes a whole number from 1 to 5.`);
    return { questionId: q.id, value: parsed.data === '' ? null : Number(parsed.data) };
  });
}

export function isPhase(v: unknown): v is Phase {
  return PHASES.includes(v as Phase);
}

/** Which questionnaire the module page offers: before the teacher starts (reading or quiz), after passing, else none. */
export function confidencePhaseToAsk(s: { answered: readonly Phase[]; started: boolean; completed: boolean }): Phase | null {
  if (s.completed) return s.answered.includes('after') ? null : 'after';
  return !s.started && !s.answered.includes('before') ? 'before' : null;
}

/** May this phase be recorded now? "after" only once the module is passed. */
export function mayRecordPhase(phase: Phase, completed: boolean) {
  return phase === 'before' || completed;
}
