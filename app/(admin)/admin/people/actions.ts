'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';

import { redirect } from 'next/navigation';
import { createInvite, revokeInvite } from '@/db/queries/invites';
import { getUserIdByEmail, listSchoolPeople, recordMemberActive, recordMemberTiers } from '@/db/queries/people';
import { recordJoinCode } from '@/db/queries/school-profile';
import { fieldErrors, formObject } from '@/lib/admin/form-errors';
import { INVITE_DAYS, newInviteToken, newJoinCode } from '@/lib/admin/tokens';
import { inviteMail } from '@/lib/account/invite-mail';
import { sendResetLinkToTeacher } from '@/lib/account/reset';
import { actorOf, requireSchoolAdmin } from '@/app/_lib/session';
import { publicOrigin } from '@/lib/server/origin';
import { InviteIdSchema, InviteSchema, MemberActiveSchema, MemberIdSchema, MemberTiersSchema, type FormResult, type InviteValues } from './schema';
import { getPageLocale } from '@/app/_lib/locale';

export async function inviteMember(input: unknown): Promise<FormResult<InviteValues>> {
  const parsed = InviteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const admin = await requireSchoolAdmin();
  // Only this school's own members are named: whether an address has an account elsewhere stays
  // unsaid (the invite then joins that account once its owner proves it with the password).
  const existing = await getUserIdByEmail(parsed.data.email);
  if (existing && (await listSchoolPeople(admin.schoolId)).some((p) => p.userId === existing)) {
    return { ok: false, fieldErrors: { email: 'alreadyMember' } };
  }
  const { token, tokenHash } = newInviteToken();
  const tiers = parsed.data.role === 'teacher' ? parsed.data.tiers : [];
  const link = `${publicOrigin(await headers())}/join/${token}`;
  const mail = inviteMail(await getPageLocale(), link, admin.schoolName);
  await createInvite(actorOf(admin), { ...parsed.data, tiers, tokenHash, expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000) }, mail);
  revalidatePath('/admin/people');
  revalidatePath('/admin/outbox');
  return { ok: true, link };
}

function done(error?: string): never {
  revalidatePath('/admin/people');
  redirect(error ? `/admin/people?error=${error}` : '/admin/people?saved=1');
}

export async function saveMemberTiers(data: FormData) {
  const parsed = MemberTiersSchema.safeParse(formObject(data, ['tiers']));
  const admin = await requireSchoolAdmin();
  if (!parsed.success) done('invalid');
  done((await recordMemberTiers(actorOf(admin), parsed.data.userId, parsed.data.tiers)) ? undefined : 'notFound');
}

export async function setMemberActive(data: FormData) {
  const parsed = MemberActiveSchema.safeParse(formObject(data));
  const admin = await requireSchoolAdmin();
  if (!parsed.success) done('invalid');
  done((await recordMemberActive(actorOf(admin), parsed.data.userId, parsed.data.active === 'true')) ? undefined : 'notFound');
}

export async function rotateJoinCode() {
  const admin = await requireSchoolAdmin();
  await recordJoinCode(actorOf(admin), newJoinCode());
  done();
}

export async function revokeInviteAction(data: FormData) {
  const parsed = InviteIdSchema.safeParse(formObject(data));
  const admin = await requireSchoolAdmin();
  if (!parsed.success) done('invalid');
  done((await revokeInvite(actorOf(admin), parsed.data.inviteId)) ? undefined : 'notFound');
}

/** Mails a teacher of this school a password reset link (or queues it in the Outbox). */
export async function sendTeacherResetLink(data: FormData) {
  const parsed = MemberIdSchema.safeParse(formObject(data));
  const admin = await requireSchoolAdmin();
  if (!parsed.success) done('invalid');
  const result = await sendResetLinkToTeacher(actorOf(admin), parsed.data.userId, publicOrigin(await headers()), await getPageLocale());
  revalidatePath('/admin/outbox');
  if (result === 'queued') {
    revalidatePath('/admin/people');
    redirect('/admin/people?resetSent=1');
  }
  done(result);
}
