'use server';

import { revalidatePath } from 'next/cache';
import { listRegions, recordRegionNames, recordSchoolPlacement } from '@/db/queries/operator';
import { fieldErrors } from '@/lib/admin/form-errors';
import { requireOperator } from '@/app/_lib/session';
import { NamesSchema, type NamesValues, type OperatorResult } from './schema';

export async function saveRegionNames(regionId: string, input: unknown): Promise<OperatorResult<NamesValues>> {
  const parsed = NamesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const operator = await requireOperator();
  const { nameKk, nameRu, nameEn } = parsed.data;
  if (!(await recordRegionNames({ actorId: operator.id, schoolId: null }, regionId, { kk: nameKk, ru: nameRu, en: nameEn }))) {
    return { ok: false, fieldErrors: { nameKk: 'gone' } };
  }
  revalidatePath('/operator', 'layout');
  return { ok: true };
}

/** Renames a school or moves it to another region (or to none). */
export async function saveSchoolPlacement(schoolId: string, input: unknown): Promise<OperatorResult<NamesValues>> {
  const parsed = NamesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const operator = await requireOperator();
  const { nameKk, nameRu, nameEn, regionId } = parsed.data;
  if (regionId && !(await listRegions()).some((r) => r.id === regionId)) return { ok: false, fieldErrors: { regionId: 'required' } };
  const change = { name: { kk: nameKk, ru: nameRu, en: nameEn }, regionId: regionId || null };
  if (!(await recordSchoolPlacement({ actorId: operator.id, schoolId }, schoolId, change))) return { ok: false, fieldErrors: { nameKk: 'gone' } };
  revalidatePath('/operator', 'layout');
  return { ok: true };
}
