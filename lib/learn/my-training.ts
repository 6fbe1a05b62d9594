import 'server-only';
import { listMyAssignments } from '@/db/queries/assignments';
import { listMyCertificates } from '@/db/queries/certificates';
import { listMyModuleProgress, type Scope } from '@/db/queries/progress';
import { getCatalog, type CatalogModule } from '@/lib/content/catalog';
import { TIERS, type Tier } from '@/lib/content/tiers';
import { expectedModules } from '@/lib/completion/expected';
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
  dueDate: string | null;
  overdue: boolean;
  certificateId: string | null;
};

/** The modules a teacher is expected to take: their tiers' modules plus any assigned to them by name. */
async function myModules(scope: Scope, tiers: readonly string[]) {
  const assigned = await listMyAssignments(scope.schoolId, scope.userId, [...tiers]);
  const mods = expectedModules({ userId: scope.userId, tiers }, getCatalog(), assigned);
  const due = (m: CatalogModule) =>
    assigned.find((a) => a.userId && a.moduleId === m.id)?.dueDate ?? assigned.find((a) => !a.userId && a.moduleId === m.id)?.dueDate ?? null;
  return { mods, due };
}

/** The modules a teacher is expected to take (their tiers' and those assigned to them), without progress. */
export async function listMyModules(scope: Scope, tiers: readonly string[]): Promise<CatalogModule[]> {
  return (await myModules(scope, tiers)).mods;
}

/** "My training": per tier, each module with its progress, due date and certificate. */
export async function getMyTraining(scope: Scope, tiers: readonly string[], locale: Locale, today: string) {
  const { mods, due } = await myModules(scope, tiers);
  const [progress, certificates] = await Promise.all([
    listMyModuleProgress(
      scope,
      mods.map((m) => m.id),
    ),
    listMyCertificates(scope.userId),
  ]);
  const card = (m: CatalogModule): ModuleCard => {
    const p = progress.find((x) => x.moduleId === m.id)!;
    const sectionIds = m.lessons.en.sections.map((s) => s.id);
    const readCount = p.readSectionIds.filter((id) => sectionIds.includes(id)).length;
    const status = moduleStatus(readCount, p.attempts, !!p.completion);
    const dueDate = due(m);
    return {
      id: m.id,
      title: m.lessons[locale].frontmatter.title,
      summary: m.lessons[locale].frontmatter.summary,
      minutes: m.minutes,
      sectionCount: sectionIds.length,
      readCount,
      attempts: p.attempts,
      status,
      score: p.completion?.score ?? null,
      dueDate,
      overdue: status !== 'completed' && dueDate !== null && dueDate < today,
      certificateId: certificates.find((c) => c.moduleId === m.id)?.id ?? null,
    };
  };
  return TIERS.filter((t) => mods.some((m) => m.tier === t)).map((tier: Tier) => ({ tier, modules: mods.filter((m) => m.tier === tier).map(card) }));
}

/** A module the teacher may open: it exists and belongs to one of their tiers or is assigned to them. */
export async function findModuleForTeacher(scope: Scope, moduleId: string, tiers: readonly string[]): Promise<CatalogModule | undefined> {
  const m = getCatalog().find((x) => x.id === moduleId);
  if (!m) return undefined;
  if (tiers.includes(m.tier)) return m;
  const assigned = await listMyAssignments(scope.schoolId, scope.userId, []);
  return assigned.some((a) => a.moduleId === m.id) ? m : undefined;
}
