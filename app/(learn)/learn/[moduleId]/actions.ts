'use server';

import { redirect } from 'next/navigation';
import { markSectionRead } from '@/db/queries/progress';
import { requireUser } from '@/app/_lib/session';
import { findModuleForTeacher } from '@/lib/learn/my-training';
import { ConfidenceInputError, isPhase } from '@/lib/confidence/answers';
import { saveConfidence } from '@/lib/confidence/ask';

/** Saves the section as read, then moves on to the next section or, after the last, to the quiz. */
export async function markSectionReadAndContinue(moduleId: string, sectionId: string) {
  const user = await requireUser();
  const mod = await findModuleForTeacher({ userId: user.id, schoolId: user.schoolId }, moduleId, user.tiers);
  const sections = mod?.lessons.en.sections.map((s) => s.id) ?? [];
  const index = sections.indexOf(sectionId);
  if (!mod || index < 0) redirect('/learn');
  await markSectionRead({ userId: user.id, schoolId: user.schoolId }, mod.id, sectionId);
  const next = sections[index + 1];
  redirect(next ? `/learn/${mod.id}/${next}` : `/learn/${mod.id}/quiz`);
}

/** Saves (or skips) the before/after confidence questions; a tampered value stores nothing. */
export async function recordConfidence(moduleId: string, phase: string, form: FormData) {
  const user = await requireUser();
  const mod = await findModuleForTeacher({ userId: user.id, schoolId: user.schoolId }, moduleId, user.tiers);
  if (!mod || !isPhase(phase)) redirect('/learn');
  try {
    await saveConfidence({ userId: user.id, schoolId: user.schoolId }, mod, phase, form.entries(), form.get('intent') === 'skip');
  } catch (err) {
    if (!(err instanceof ConfidenceInputError)) throw err;
    console.warn(`[confidence] refused from ${user.id}: ${err.message}`);
    redirect(`/learn/${mod.id}?confidence=invalid`);
  }
  redirect(`/learn/${mod.id}?confidence=${form.get('intent') === 'skip' ? 'skipped' : 'saved'}`);
}
