import { z } from 'zod';
import { formText } from '@/lib/forms/text';

const text = (max: number) => formText(0, max);
const required = (max: number) => formText(1, max);
const LOGO = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/;

export const ProfileSchema = z.object({
  nameKk: required(160),
  nameRu: required(160),
  nameEn: required(160),
  address: text(300),
  contactPhone: text(40).refine((v) => v === '' || /^[+0-9 ()-]{5,40}$/.test(v), 'phone'),
  contactEmail: text(254).refine((v) => v === '' || z.string().email().safeParse(v).success, 'email'),
  counsellorName: text(160),
  counsellorContact: text(200),
  // 512 kB of image as base64; the action checks its dimensions and re-encodes it (lib/admin/logo.ts).
  logo: z.string().max(700_000, 'logoTooBig').regex(LOGO, 'logoType').or(z.literal('')),
});
export type ProfileValues = z.infer<typeof ProfileSchema>;
export type ProfileResult = { ok: boolean; fieldErrors?: Partial<Record<keyof ProfileValues, string>> };
