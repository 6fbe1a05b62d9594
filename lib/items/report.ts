import 'server-only';
import { listItemStats, type ItemStatRow } from '@/db/queries/item-stats';
import type { CatalogModule } from '@/lib/content/catalog';
import type { Locale } from '@/lib/i18n/locales';
import type { ItemSort } from './filters';
import { difficulty, itemFlags, type ItemFlag } from './flags';

export type ItemReportRow = {
  moduleId: string;
  moduleTitle: string;
  tier: string;
  questionId: string;
  prompt: string;
  answered: number;
  correct: number;
  difficulty: number | null;
  discrimination: number | null;
  /** Every option in content order with how often it was picked; distractors are the wrong ones. */
  options: { id: string; label: string; text: string; correct: boolean; picked: number; share: number | null }[];
  flags: ItemFlag[];
};

const LETTERS = 'ABCDEFGH';

/** Joins the snapshot with the content: prompts and options in the reader's language, flags applied. */
export function buildItemReport(stats: readonly ItemStatRow[], catalog: readonly CatalogModule[], locale: Locale): ItemReportRow[] {
  const mods = new Map(catalog.map((m) => [m.id, m]));
  return stats.flatMap((s) => {
    const mod = mods.get(s.moduleId);
    const q = mod?.quizzes[locale].questions.find((x) => x.id === s.questionId);
    if (!mod || !q) return [];
    const numbers = { answered: s.answered, correct: s.correct, discrimination: s.discrimination };
    return [
      {
        moduleId: mod.id,
        moduleTitle: mod.lessons[locale].frontmatter.title,
        tier: mod.tier,
        questionId: q.id,
        prompt: q.prompt,
        ...numbers,
        difficulty: difficulty(numbers),
        options: q.options.map((o, i) => {
          const picked = s.optionCounts[o.id] ?? 0;
          return {
            id: o.id,
            label: LETTERS[i] ?? String(i + 1),
            text: o.text,
            correct: q.correct.includes(o.id),
            picked,
            share: s.answered ? picked / s.answered : null,
          };
        }),
        flags: itemFlags(numbers),
      },
    ];
  });
}

const orderIn = (catalog: readonly CatalogModule[]) => {
  const pos = new Map(catalog.map((m, i) => [m.id, i]));
  return (r: ItemReportRow) => pos.get(r.moduleId) ?? 0;
};

export function sortItemReport(rows: ItemReportRow[], sort: ItemSort, catalog: readonly CatalogModule[]): ItemReportRow[] {
  const modPos = orderIn(catalog);
  const byModule = (a: ItemReportRow, b: ItemReportRow) => modPos(a) - modPos(b) || a.questionId.localeCompare(b.questionId);
  const nullLast = (x: number | null) => x ?? Number.POSITIVE_INFINITY;
  const cmp: Record<ItemSort, (a: ItemReportRow, b: ItemReportRow) => number> = {
    flags: (a, b) => b.flags.length - a.flags.length || byModule(a, b),
    difficulty: (a, b) => nullLast(a.difficulty) - nullLast(b.difficulty) || byModule(a, b),
    discrimination: (a, b) => nullLast(a.discrimination) - nullLast(b.discrimination) || byModule(a, b),
    module: byModule,
  };
  return [...rows].sort(cmp[sort]);
}

/** `language` '' = all languages together. */
export async function getItemReport(
  catalog: readonly CatalogModule[],
  opts: { language: '' | Locale; moduleId: string | null; sort: ItemSort; locale: Locale },
) {
  const stats = await listItemStats(opts.language, opts.moduleId);
  const computedAt = stats.reduce<Date | null>((t, s) => (!t || s.computedAt < t ? s.computedAt : t), null);
  return { computedAt, rows: sortItemReport(buildItemReport(stats, catalog, opts.locale), opts.sort, catalog) };
}
