/**
 * The closed vocabularies the data is written in. They sit at the bottom (db/) so the schema and
 * the statements can use them; lib/ re-exports them and owns every rule built on them.
 */
export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const TIERS = ['9-10', '11-12', '13-14', '15-17'] as const;
export type Tier = (typeof TIERS)[number];

/** A user's role in one school (platform operators are a flag on the user, not a school role). */
export const SCHOOL_ROLES = ['teacher', 'school_admin'] as const;
export type SchoolRole = (typeof SCHOOL_ROLES)[number];

/** School slugs are lowercase Latin letters, digits and hyphens; anything else cannot name a school. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export function isSlug(value: string) {
  return value.length <= 60 && SLUG.test(value);
}

/** A certificate number such as "KKO-7G3H-Q9X2-M4PB". */
export const CERTIFICATE_ID = /^KKO-[2-9A-HJ-KMNP-Z]{4}-[2-9A-HJ-KMNP-Z]{4}-[2-9A-HJ-KMNP-Z]{4}$/;
