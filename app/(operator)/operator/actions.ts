'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';

import { createInvite } from '@/db/queries/invites';
import { createRegion, createSchool, getSchoolIdBySlug, listRegions } from '@/db/queries/operator';
import { getUserIdByEmail } from '@/db/queries/people';
import { fieldErrors } from '@/lib/admin/form-errors';
import { INVITE_DAYS, newInviteToken } from '@/lib/admin/tokens';
import { inviteMail } from '@/lib/account/invite-mail';
import { sendResetLinkToSchoolAdmin } from '@/lib/account/reset';
import { requireOperator } from '@/app/_lib/session';
import { publicOrigin } from '@/lib/server/origin';
import { refreshRollup } from '@/lib/completion/rollup-worker';
import { AdminResetSchema, RegionSchema, SchoolSchema, type OperatorResult, type RegionValues, type SchoolValues } from './schema';
import { getPageLocale } from '@/app/_lib/locale';

export async function addRegion(input: unknown): Promise<OperatorResult<RegionValues>> {
  const parsed = RegionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const operator = await requireOperator();
  const { slug, nameKk, nameRu, nameEn } = parsed.data;
  if (!(await createRegion({ actorId: operator.id, schoolId: null }, slug, { kk: nameKk, ru: nameRu, en: nameEn }))) {
    return { ok: false, fieldErrors: { slug: 'slugTaken' } };
  }
  revalidatePath('/operator');
  return { ok: true };
}

/** Creates the school and a one-time invite for its first school admin. */
export async function addSchool(input: unknown): Promise<OperatorResult<SchoolValues>> {
  const parsed = SchoolSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const operator = await requireOperator();
  const { slug, nameKk, nameRu, nameEn, regionId, adminEmail } = parsed.data;
  if (regionId && !(await listRegions()).some((r) => r.id === regionId)) return { ok: false, fieldErrors: { regionId: 'required' } };
  if (await getUserIdByEmail(adminEmail)) return { ok: false, fieldErrors: { adminEmail: 'emailTaken' } };
  const schoolId = await createSchool(
    { actorId: operator.id, schoolId: null },
    { slug, name: { kk: nameKk, ru: nameRu, en: nameEn }, regionId: regionId || null },
  );
  if (!schoolId) return { ok: false, fieldErrors: { slug: 'slugTaken' } };
  const { token, tokenHash } = newInviteToken();
  const link = `${publicOrigin(await headers())}/join/${token}`;
  const mail = inviteMail(await getPageLocale(), link, { kk: nameKk, ru: nameRu, en: nameEn });
  await createInvite(
    { actorId: operator.id, schoolId },
    { email: adminEmail, role: 'school_admin', tiers: [], tokenHash, expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000) },
    mail,
  );
  revalidatePath('/operator');
  return { ok: true, link };
}

/** Recomputes the national roll-up now instead of at the next scheduled refresh. */
export async function refreshRollupNow() {
  await requireOperator();
  await refreshRollup();
  revalidatePath('/operator');
}

/** Mails a school admin a password reset link (queued in that school's Outbox without SMTP). */
export async function sendAdminResetLink(data: FormData) {
  const operator = await requireOperator();
  const parsed = AdminResetSchema.safeParse(Object.fromEntries(data));
  if (!parsed.success) redirect('/operator');
  const schoolId = await getSchoolIdBySlug(parsed.data.slug);
  const result = schoolId
    ? await sendResetLinkToSchoolAdmin(operator.id, schoolId, parsed.data.userId, publicOrigin(await headers()), await getPageLocale())
    : 'notFound';
  revalidatePath(`/operator/schools/${parsed.data.slug}`);
  redirect(`/operator/schools/${parsed.data.slug}?reset=${result}`);
}
