/**
 * The one rule for what a teacher must finish: every module of the tiers they teach, plus any
 * module assigned to them by name. My training, the school dashboard and (as the SQL view
 * `expected_modules`, migration 0006) the national roll-up all follow it; a property test
 * (db/queries/expected-modules.test.ts) checks the three agree.
 */
export function expectedModules<M extends { id: string; tier: string }>(
  teacher: { userId: string; tiers: readonly string[] },
  catalog: readonly M[],
  assigned: readonly { moduleId: string; userId: string | null }[],
): M[] {
  return catalog.filter((m) => teacher.tiers.includes(m.tier) || assigned.some((a) => a.userId === teacher.userId && a.moduleId === m.id));
}
