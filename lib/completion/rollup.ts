import 'server-only';
import { getSchoolRollup } from '@/db/queries/operator';
import type { LocalizedText } from '@/db/schema';
import { toDate } from '@/lib/i18n/dates';

const percent = (done: number, total: number) => (total === 0 ? 0 : Math.round((done / total) * 100));

/** Schools and their regions with expected vs completed modules, for the operator's view. */
export async function getRollup(tier: string | null) {
  // Raw SQL hands timestamptz back as PostgreSQL text on PGlite and as a Date on node-postgres.
  const schools = (await getSchoolRollup(tier)).map((s) => ({
    ...s,
    computed_at: s.computed_at === null ? null : toDate(s.computed_at),
    percent: percent(s.completed, s.expected),
  }));
  const regions = new Map<string, { id: string | null; name: LocalizedText | null; schools: number; teachers: number; expected: number; completed: number }>();
  for (const s of schools) {
    const key = s.region_id ?? '';
    const r = regions.get(key) ?? { id: s.region_id, name: s.region_name, schools: 0, teachers: 0, expected: 0, completed: 0 };
    r.schools++;
    r.teachers += s.teachers;
    r.expected += s.expected;
    r.completed += s.completed;
    regions.set(key, r);
  }
  const computedAt = schools.reduce<Date | null>((t, s) => (s.computed_at && (!t || s.computed_at < t) ? s.computed_at : t), null);
  return { schools, computedAt, regions: [...regions.values()].map((r) => ({ ...r, percent: percent(r.completed, r.expected) })) };
}
