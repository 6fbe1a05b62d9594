'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { recordAssignment, removeAssignment } from '@/db/queries/assignments';
import { fieldErrors, formObject } from '@/lib/admin/form-errors';
import { actorOf, requireSchoolAdmin } from '@/app/_lib/session';
import { getModule } from '@/lib/content/catalog';
import { todayInKazakhstan } from '@/lib/completion/school';
import { assignmentSchema, parseTarget, type AssignmentResult } from './schema';

export async function assignModule(input: unknown): Promise<AssignmentResult> {
  const parsed = assignmentSchema(todayInKazakhstan()).safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const admin = await requireSchoolAdmin();
  const mod = getModule(parsed.data.moduleId);
  if (!mod) return { ok: false, fieldErrors: { moduleId: 'unknownModule' } };
  const target = parseTarget(parsed.data.target);
  if (!target) return { ok: false, fieldErrors: { target: 'required' } };
  const ok = await recordAssignment(actorOf(admin), { moduleId: mod.id, dueDate: parsed.data.dueDate, ...target });
  if (!ok) return { ok: false, fieldErrors: { target: 'unknownTeacher' } };
  revalidatePath('/admin/assignments');
  return { ok: true };
}

export async function unassign(data: FormData) {
  const parsed = z.object({ assignmentId: z.string().uuid() }).safeParse(formObject(data));
  const admin = await requireSchoolAdmin();
  const ok = parsed.success && (await removeAssignment(actorOf(admin), parsed.data.assignmentId));
  revalidatePath('/admin/assignments');
  redirect(ok ? '/admin/assignments' : '/admin/assignments?error=notFound');
}
