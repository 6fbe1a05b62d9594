import type { Locale } from '@/lib/i18n/locales';
import type { HandoutSchool } from '@/lib/handouts/types';

export const PLACEHOLDERS = ['school', 'address', 'phone', 'email', 'counsellor', 'counsellorContact'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** What a filled template prints about the school: its public profile, logo aside. */
export type TemplateSchool = Omit<HandoutSchool, 'logo' | 'profileVersion'>;

/** What the school has not filled in prints as a line to write on, never as invented text. */
export const BLANK = '______________________';

export function placeholderValues(school: TemplateSchool, lang: Locale): Record<Placeholder, string> {
  const or = (v: string) => v.trim() || BLANK;
  return {
    school: or(school.name[lang] || school.name.en),
    address: or(school.address),
    phone: or(school.contactPhone),
    email: or(school.contactEmail),
    counsellor: or(school.counsellorName),
    counsellorContact: or(school.counsellorContact),
  };
}

const TOKEN = /\{([A-Za-z]+)\}/g;

/** Placeholders in a template line that are not ones the school profile can fill. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[1]!).filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
}

export function fill(text: string, values: Record<Placeholder, string>): string {
  return text.replace(TOKEN, (all, key: string) => ((PLACEHOLDERS as readonly string[]).includes(key) ? values[key as Placeholder] : all));
}
