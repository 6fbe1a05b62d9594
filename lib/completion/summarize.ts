import type { LocalizedText } from '@/db/schema';
import { moduleStatus, type ModuleStatus } from '@/lib/learn/module-status';
import { compareTiers } from '@/lib/content/tiers';
import { expectedModules } from './expected';

export type CompletionInput = {
  teachers: { userId: string; name: string; email: string | null; tiers: string[] }[];
  catalog: { id: string; tier: string; title: LocalizedText; sectionCount: number }[];
  done: { userId: string; moduleId: string; score: number; completedAt: Date }[];
  attempts: { userId: string; moduleId: string; count: number; best: number | null }[];
  read: { userId: string; moduleId: string; count: number }[];
  assigned: { moduleId: string; tier: string | null; userId: string | null; dueDate: string }[];
};

export type CellStatus = ModuleStatus | 'overdue';
export type Cell = {
  moduleId: string;
  tier: string;
  status: CellStatus;
  score: number | null;
  attempts: number;
  best: number | null;
  /** Sections read, of `sections`. */
  read: number;
  sections: number;
  completedAt: Date | null;
  dueDate: string | null;
};
export type Tally = { expected: number; completed: number; percent: number };
export type CompletionFilters = { tier?: string; status?: CellStatus };

const tally = (expected: number, completed: number): Tally => ({
  expected,
  completed,
  percent: expected === 0 ? 0 : Math.round((completed / expected) * 100),
});

/** Monday of the week, as YYYY-MM-DD in UTC. */
function weekOf(d: Date) {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/**
 * A teacher is expected to complete every module of the tiers they teach, plus any module
 * assigned to them by name. A named due date wins over the tier's; an unfinished module past
 * its due date is overdue. `today` is YYYY-MM-DD.
 */
export function summarizeCompletion(raw: CompletionInput, today: string, filters: CompletionFilters = {}) {
  // Every table lists age groups youngest first; the sort is stable, so module order within a tier stays.
  const input = { ...raw, catalog: [...raw.catalog].sort((a, b) => compareTiers(a.tier, b.tier)) };
  const key = (u: string, m: string) => `${u}|${m}`;
  const done = new Map(input.done.map((d) => [key(d.userId, d.moduleId), d]));
  const attempts = new Map(input.attempts.map((a) => [key(a.userId, a.moduleId), a]));
  const read = new Map(input.read.map((r) => [key(r.userId, r.moduleId), r.count]));

  const allTeachers = input.teachers.map((t) => {
    const named = input.assigned.filter((a) => a.userId === t.userId);
    const cells: Cell[] = expectedModules(t, input.catalog, named).map((m) => {
      const d = done.get(key(t.userId, m.id));
      const tried = attempts.get(key(t.userId, m.id));
      const count = tried?.count ?? 0;
      const readCount = read.get(key(t.userId, m.id)) ?? 0;
      const due =
        named.find((a) => a.moduleId === m.id)?.dueDate ??
        input.assigned.find((a) => a.userId === null && a.moduleId === m.id && a.tier !== null && t.tiers.includes(a.tier))?.dueDate ??
        null;
      const base = moduleStatus(readCount, count, !!d);
      const status: CellStatus = base !== 'completed' && due !== null && due < today ? 'overdue' : base;
      return {
        moduleId: m.id,
        tier: m.tier,
        status,
        score: d?.score ?? null,
        attempts: count,
        best: tried?.best ?? null,
        read: readCount,
        sections: m.sectionCount,
        completedAt: d?.completedAt ?? null,
        dueDate: due,
      };
    });
    return { ...t, cells, tally: tally(cells.length, cells.filter((c) => c.status === 'completed').length) };
  });

  const byModule = input.catalog
    .filter((m) => !filters.tier || m.tier === filters.tier)
    .map((m) => {
      const cells = allTeachers.flatMap((t) => t.cells.filter((c) => c.moduleId === m.id));
      return {
        ...m,
        ...tally(cells.length, cells.filter((c) => c.status === 'completed').length),
        overdue: cells.filter((c) => c.status === 'overdue').length,
      };
    });

  const tiers = [...new Set(input.catalog.map((m) => m.tier))].filter((t) => !filters.tier || t === filters.tier);
  const byTier = tiers.map((tier) => {
    const mods = byModule.filter((m) => m.tier === tier);
    const teachers = allTeachers.filter((t) => t.tiers.includes(tier));
    const fullyDone = teachers.filter((t) => t.cells.filter((c) => c.tier === tier).every((c) => c.status === 'completed'));
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

  const byTeacher = allTeachers
    .map((t) => ({
      ...t,
      /** The teacher's modules in the chosen age group, whatever their status (the dashboard's row). */
      inTier: t.cells.filter((c) => !filters.tier || c.tier === filters.tier),
      /** Only the cells that match every filter (the CSV's rows). */
      cells: t.cells.filter((c) => (!filters.tier || c.tier === filters.tier) && (!filters.status || c.status === filters.status)),
    }))
    .filter((t) => t.cells.length > 0);

  const overdue = allTeachers.flatMap((t) =>
    t.cells.filter((c) => c.status === 'overdue' && (!filters.tier || c.tier === filters.tier)).map((c) => ({ teacher: t.name, email: t.email, ...c })),
  );

  const weeks = new Map<string, number>();
  for (const d of input.done) weeks.set(weekOf(d.completedAt), (weeks.get(weekOf(d.completedAt)) ?? 0) + 1);
  let running = 0;
  const overTime = [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, n]) => ({ week, completed: (running += n) }));

  return { byTeacher, byModule, byTier, overdue, overTime, teacherCount: input.teachers.length };
}

export type CompletionSummary = ReturnType<typeof summarizeCompletion>;
