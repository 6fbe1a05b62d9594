import type { LearningGainRow } from '@/db/queries/confidence';
import type { CatalogModule } from '@/lib/content/catalog';
import type { Locale } from '@/lib/i18n/locales';

/** Fewer teachers than this in a cell and its mean is hidden: a small group's mean could identify people. */
export const MIN_CELL = 5;

export type GainCell = { teachers: number; mean: number | null };
export type GainRow = { moduleId: string; tier: string; title: string; before: GainCell; after: GainCell; change: GainCell };

const cell = (teachers: number, mean: number | null): GainCell => ({ teachers, mean: teachers >= MIN_CELL ? mean : null });

/** Every module of the catalog in order (no answers: zero teachers), means of small cells hidden. */
export function learningGainTable(rows: readonly LearningGainRow[], catalog: readonly CatalogModule[], locale: Locale, tier: string | null = null): GainRow[] {
  const byModule = new Map(rows.map((r) => [r.module_id, r]));
  return catalog
    .filter((m) => !tier || m.tier === tier)
    .map((m) => {
      const r = byModule.get(m.id);
      return {
        moduleId: m.id,
        tier: m.tier,
        title: m.lessons[locale].frontmatter.title,
        before: cell(r?.before_teachers ?? 0, r?.before_mean ?? null),
        after: cell(r?.after_teachers ?? 0, r?.after_mean ?? null),
        change: cell(r?.paired_teachers ?? 0, r?.paired_change ?? null),
      };
    });
}
