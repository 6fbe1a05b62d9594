import { z } from 'zod';
import { formText } from '@/lib/forms/text';

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'tooShort')
  .max(60, 'tooLong')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug');
const name = formText(2, 160);

export const RegionSchema = z.object({ slug, nameKk: name, nameRu: name, nameEn: name });
export type RegionValues = z.infer<typeof RegionSchema>;

export const SchoolSchema = z.object({
  slug,
  nameKk: name,
  nameRu: name,
  nameEn: name,
  regionId: z.string().uuid('required').or(z.literal('')),
  adminEmail: z.string().trim().toLowerCase().min(1, 'required').max(254, 'tooLong').email('email'),
});
export type SchoolValues = z.infer<typeof SchoolSchema>;

/** An operator's edit of a region's names, or of a school's names and region. */
export const NamesSchema = z.object({ nameKk: name, nameRu: name, nameEn: name, regionId: z.string().uuid('required').or(z.literal('')).optional() });
export type NamesValues = z.infer<typeof NamesSchema>;

export type OperatorResult<T> = { ok: boolean; fieldErrors?: Partial<Record<keyof T, string>>; link?: string };

export const AdminResetSchema = z.object({ slug: z.string().max(60), userId: z.string().uuid() });
