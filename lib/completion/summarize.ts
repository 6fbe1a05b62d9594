import type { LocalizedText } from '@/db/schema';
import { moduleStatus, type ModuleStatus } from '@/lib/learn/module-status';

export type CompletionInput = {
  teachers: { userId: string; name: string; email: string; tiers: string[] }[];
  catalog: { id: string; tier: string; title: LocalizedText; sectionCount: number }[];
  done: { userId: string; moduleId: string; score: number; completedAt: Date }[];
  attempts: { userId: string; moduleId: string; count: number; best: number | null }[];
  read: { userId: string; moduleId: string; count: number }[];
};

export type Cell = { moduleId: string; status: ModuleStatus; score: number | null; attempts: number; completedAt: Date | null };
export type Tally = { expected: number; completed: number; percent: number };

const tally = (expected: number, completed: number): Tally => ({
  expected,
  completed,
  percent: expected === 0 ? 0 : Math.round((completed / expected) * 100),
});

/**
 * A teacher is expected to complete every module of every tier they teach. Rolls the school's
 * records up per teacher, per module and per tier.
 */
export function summarizeCompletion(input: CompletionInput) {
  const key = (u: string, m: string) => `${u}|${m}`;
  const done = new Map(input.done.map((d) => [key(d.userId, d.moduleId), d]));
  const attempts = new Map(input.attempts.map((a) => [key(a.userId, a.moduleId), a]));
  const read = new Map(input.read.map((r) => [key(r.userId, r.moduleId), r.count]));

  const byTeacher = input.teachers.map((t) => {
    const cells: Cell[] = input.catalog
      .filter((m) => t.tiers.includes(m.tier))
      .map((m) => {
        const d = done.get(key(t.userId, m.id));
        const a = attempts.get(key(t.userId, m.id));
        const count = a?.count ?? 0;
        return {
          moduleId: m.id,
          status: moduleStatus(read.get(key(t.userId, m.id)) ?? 0, count, !!d),
          score: d?.score ?? null,
          attempts: count,
          completedAt: d?.completedAt ?? null,
        };
      });
    return { ...t, cells, tally: tally(cells.length, cells.filter((c) => c.status === 'completed').length) };
  });

  const byModule = input.catalog.map((m) => {
    const cells = byTeacher.flatMap((t) => t.cells.filter((c) => c.moduleId === m.id));
    return { ...m, ...tally(cells.length, cells.filter((c) => c.status === 'completed').length) };
  });

  const tiers = [...new Set(input.catalog.map((m) => m.tier))];
  const byTier = tiers.map((tier) => {
    const mods = byModule.filter((m) => m.tier === tier);
    const teachers = byTeacher.filter((t) => t.tiers.includes(tier));
    const fullyDone = teachers.filter((t) => t.cells.filter((c) => mods.some((m) => m.id === c.moduleId)).every((c) => c.status === 'completed'));
    return {
      tier,
      teachers: teachers.length,
      teachersDone: fullyDone.length,
      ...tally(
        mods.reduce((n, m) => n + m.expected, 0),
        mods.reduce((n, m) => n + m.completed, 0),
      ),
    };
  });

  return { byTeacher, byModule, byTier };
}

export type CompletionSummary = ReturnType<typeof summarizeCompletion>;
