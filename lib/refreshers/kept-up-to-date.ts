/** A refresher counts as "kept up to date" when at least 2 of its 3 questions were right. */
export const KEPT_UP_TO_DATE_SHARE = 2 / 3;

export type RefresherResult = { user_id: string; name: string; module_id: string; stage: number; correct_count: number; total: number; answered_at: Date };

/** Per teacher, the modules whose latest refresher they answered, and whether that keeps them up to date. */
export function keptUpToDate(results: readonly RefresherResult[]) {
  const byTeacher = new Map<
    string,
    { userId: string; name: string; modules: { moduleId: string; stage: number; correct: number; total: number; kept: boolean }[] }
  >();
  for (const r of results) {
    const t = byTeacher.get(r.user_id) ?? { userId: r.user_id, name: r.name, modules: [] };
    const kept = r.total > 0 && r.correct_count >= Math.ceil(r.total * KEPT_UP_TO_DATE_SHARE - 1e-9);
    t.modules.push({ moduleId: r.module_id, stage: r.stage, correct: r.correct_count, total: r.total, kept });
    byTeacher.set(r.user_id, t);
  }
  return [...byTeacher.values()].sort((a, b) => a.name.localeCompare(b.name));
}
