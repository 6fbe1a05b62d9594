/** School slugs are lowercase Latin letters, digits and hyphens; anything else cannot name a school. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string) {
  return value.length <= 60 && SLUG.test(value);
}
