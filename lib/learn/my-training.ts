import 'server-only';
import { listMyModuleProgress, type Scope } from '@/db/queries/progress';
import { getCatalog, type CatalogModule } from '@/lib/content/catalog';
import { TIERS, type Tier } from '@/lib/content/tiers';
import type { Locale } from '@/lib/i18n/locales';
import { moduleStatus, type ModuleStatus } from './module-status';

export type ModuleCard = {
  id: string;
  title: string;
  summary: string;
  minutes: number;
  sectionCount: number;
  readCount: number;
  attempts: number;
  status: ModuleStatus;
  score: number | null;
};

/** The modules of the tiers a teacher teaches, with their progress: the "My training" page. */
export async function getMyTraining(scope: Scope, tiers: readonly string[], locale: Locale) {
  const mine = TIERS.filter((t) => tiers.includes(t));
  const mods = getCatalog().filter((m) => mine.includes(m.tier));
  const progress = await listMyModuleProgress(scope, mods.map((m) => m.id));
  const card = (m: CatalogModule): ModuleCard => {
    const p = progress.find((x) => x.moduleId === m.id)!;
    const sectionIds = m.lessons.en.sections.map((s) => s.id);
    const readCount = p.readSectionIds.filter((id) => sectionIds.includes(id)).length;
    return {
      id: m.id,
      title: m.lessons[locale].frontmatter.title,
      summary: m.lessons[locale].frontmatter.summary,
      minutes: m.minutes,
      sectionCount: sectionIds.length,
      readCount,
      attempts: p.attempts,
      status: moduleStatus(readCount, p.attempts, !!p.completion),
      score: p.completion?.score ?? null,
    };
  };
  return mine.map((tier: Tier) => ({ tier, modules: mods.filter((m) => m.tier === tier).map(card) }));
}

/** A module the teacher may open: it exists and belongs to one of their tiers. */
export function getModuleForTeacher(moduleId: string, tiers: readonly string[]): CatalogModule | undefined {
  const m = getCatalog().find((x) => x.id === moduleId);
  return m && tiers.includes(m.tier) ? m : undefined;
}
