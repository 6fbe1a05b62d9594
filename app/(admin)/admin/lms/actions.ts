'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { resendGrade } from '@/db/queries/grade-outbox';
import { registerPlatform, unregisterPlatform } from '@/lib/lti/server/registry';
import { fieldErrors, formObject } from '@/lib/admin/form-errors';
import { actorOf, requireSchoolAdmin } from '@/app/_lib/session';
import { splitDeployments } from '@/lib/lti/server/registration-input';
import { createBindLink } from '@/lib/lti/server/bind-link';
import { toolUrls } from '@/lib/lti/tool';
import { publicOrigin } from '@/lib/server/origin';
import { headers } from 'next/headers';
import { PlatformFormSchema, type PlatformFormResult } from './schema';
import { DeploymentFormSchema, type DeploymentFormResult } from './deployment-schema';
import { addSchoolDeployment } from '@/db/queries/lti-registrations';

export async function addPlatform(input: unknown): Promise<PlatformFormResult> {
  const parsed = PlatformFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const admin = await requireSchoolAdmin();
  const { deployments, ...rest } = parsed.data;
  const saved = await registerPlatform(actorOf(admin), { ...rest, deploymentIds: splitDeployments(deployments), schoolId: admin.schoolId });
  if (!saved.ok) return { ok: false, fieldErrors: { clientId: 'platformTaken' } };
  revalidatePath('/admin/lms');
  return { ok: true };
}

/** A deployment id for a platform of the admin's own school; another school's registration is "not found". */
export async function addDeployment(input: unknown): Promise<DeploymentFormResult> {
  const parsed = DeploymentFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const admin = await requireSchoolAdmin();
  const ok = await addSchoolDeployment(actorOf(admin), parsed.data.registrationId, admin.schoolId, parsed.data.deploymentId);
  if (!ok) return { ok: false, fieldErrors: { registrationId: 'registrationNotFound' } };
  revalidatePath('/admin/lms');
  return { ok: true };
}

/** A fresh single-use registration address for the LMS admin; shown once. */
export async function createRegistrationLink(): Promise<{ url: string }> {
  const admin = await requireSchoolAdmin();
  const token = await createBindLink(admin.schoolId, admin.id);
  const url = new URL(toolUrls(publicOrigin(await headers())).registerUrl);
  url.searchParams.set('bind', token);
  return { url: url.toString() };
}

export async function removePlatform(data: FormData) {
  const parsed = z.object({ id: z.string().uuid() }).safeParse(formObject(data));
  const admin = await requireSchoolAdmin();
  const ok = parsed.success && (await unregisterPlatform(actorOf(admin), parsed.data.id, { schoolId: admin.schoolId }));
  revalidatePath('/admin/lms');
  redirect(ok ? '/admin/lms' : '/admin/lms?error=notFound');
}

export async function resendScore(data: FormData) {
  const parsed = z.object({ id: z.string().uuid() }).safeParse(formObject(data));
  const admin = await requireSchoolAdmin();
  const ok = parsed.success && (await resendGrade(actorOf(admin), parsed.data.id));
  revalidatePath('/admin/lms');
  redirect(ok ? '/admin/lms' : '/admin/lms?error=notFound');
}
