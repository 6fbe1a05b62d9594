'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { recordSchoolProfile } from '@/db/queries/school-profile';
import { fieldErrors } from '@/lib/admin/form-errors';
import { normalizeLogo } from '@/lib/admin/logo';
import { queueHandoutPrerender } from '@/lib/handouts/prerender';
import { publicOrigin } from '@/lib/server/origin';
import { actorOf, requireSchoolAdmin } from '@/app/_lib/session';
import { ProfileSchema, type ProfileResult } from './schema';

export async function saveSchoolProfile(input: unknown): Promise<ProfileResult> {
  const parsed = ProfileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const admin = await requireSchoolAdmin();
  const { nameKk, nameRu, nameEn, logo, ...rest } = parsed.data;
  const stored = logo ? await normalizeLogo(logo) : null;
  if (stored && !stored.ok) return { ok: false, fieldErrors: { logo: stored.error } };
  const origin = publicOrigin(await headers());
  // The school's print handouts are rendered again in the background, so parents get them from the cache.
  await recordSchoolProfile(actorOf(admin), { ...rest, name: { kk: nameKk, ru: nameRu, en: nameEn }, logo: stored?.dataUrl ?? null }, (tx, saved) =>
    queueHandoutPrerender(tx, saved, origin),
  );
  revalidatePath('/admin', 'layout');
  return { ok: true };
}
