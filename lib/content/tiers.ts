import { TIERS, type Tier } from '@/db/vocabulary';

export { TIERS, type Tier };

/** Age groups by the children's age (9-10 before 11-12), not as text, where "9-10" sorts last. */
export function compareTiers(a: string, b: string) {
  const age = (t: string) => {
    const n = Number.parseInt(t, 10);
    return Number.isNaN(n) ? Number.POSITIVE_INFINITY : n;
  };
  return age(a) - age(b) || a.localeCompare(b);
}

export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}
