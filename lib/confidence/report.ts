import 'server-only';
import { getSchoolLearningGain, listNationalLearningGain } from '@/db/queries/confidence';
import { getCatalog } from '@/lib/content/catalog';
import { toCsv } from '@/lib/completion/csv';
import type { Locale } from '@/lib/i18n/locales';
import { learningGainTable, type GainRow } from './gain';

/** One school's learning gain per module (its own teachers only), small cells hidden. */
export async function getSchoolGain(schoolId: string, tier: string | null, locale: Locale) {
  return learningGainTable(await getSchoolLearningGain(schoolId), getCatalog(), locale, tier);
}

/** The national learning gain from the background snapshot: aggregates only, no teachers named. */
export async function getNationalGain(tier: string | null, locale: Locale) {
  const snap = await listNationalLearningGain();
  const rows = snap.map((s) => ({
    module_id: s.moduleId,
    before_teachers: s.beforeTeachers,
    before_mean: s.beforeMean,
    after_teachers: s.afterTeachers,
    after_mean: s.afterMean,
    paired_teachers: s.pairedTeachers,
    paired_change: s.pairedChange,
  }));
  const computedAt = snap.reduce<Date | null>((t, s) => (!t || s.computedAt < t ? s.computedAt : t), null);
  return { rows: learningGainTable(rows, getCatalog(), locale, tier), computedAt };
}

const round = (x: number | null) => (x === null ? '' : x.toFixed(2));

/** Hidden means stay empty in the CSV too; counts are kept so a reader sees why. */
export function gainCsv(rows: readonly GainRow[], header: string[]) {
  return toCsv(
    header,
    rows.map((r) => [
      r.tier,
      r.moduleId,
      r.title,
      r.before.teachers,
      round(r.before.mean),
      r.after.teachers,
      round(r.after.mean),
      r.change.teachers,
      round(r.change.mean),
    ]),
  );
}

export const GAIN_CSV_KEYS = [
  'tier',
  'csv.moduleId',
  'module',
  'csv.beforeTeachers',
  'csv.beforeMean',
  'csv.afterTeachers',
  'csv.afterMean',
  'csv.pairedTeachers',
  'csv.change',
] as const;
