import 'server-only';
import { getSchoolCompletionData } from '@/db/queries/completion';
import { getSchoolDashboardCounts } from '@/db/queries/completion-dashboard';
import { compareTiers } from '@/lib/content/tiers';
import { PAGE_SIZE } from './pages';
import { todayInKazakhstan } from './school';
import { summarizeCompletion, type CompletionFilters } from './summarize';

type DashboardOptions = { page?: number; overdueLimit?: number; pageSize?: number; today?: string };

const percentOf = (done: number, total: number) => (total === 0 ? 0 : Math.round((done / total) * 100));

/**
 * The school dashboard without loading every teacher's progress: the summaries are counted in
 * SQL, and only the requested page of teachers (a page past the end: the last one) is read in
 * detail. It shows what summarizeCompletion shows for the same school (tested side by side).
 */
export async function getSchoolDashboard(
  schoolId: string,
  filters: CompletionFilters,
  { page: requestedPage = 1, overdueLimit = 20, pageSize = PAGE_SIZE, today = todayInKazakhstan() }: DashboardOptions = {},
) {
  const counts = await getSchoolDashboardCounts(schoolId, today, filters, {
    offset: (Math.max(1, requestedPage) - 1) * pageSize,
    size: pageSize,
    overdueLimit,
  });
  const detail = summarizeCompletion(await getSchoolCompletionData(schoolId, counts.page_ids), today, filters);
  const byModuleId = new Map(counts.modules.map((m) => [m.module_id, m]));
  const byModule = detail.byModule.map((m) => {
    const c = byModuleId.get(m.id);
    const expected = c?.expected ?? 0;
    const completed = c?.completed ?? 0;
    return { ...m, expected, completed, percent: percentOf(completed, expected), overdue: c?.overdue ?? 0 };
  });
  const teachersOf = new Map(counts.tiers.map((t) => [t.tier, t]));
  const byTier = [...new Set(byModule.map((m) => m.tier))].sort(compareTiers).map((tier) => {
    const mods = byModule.filter((m) => m.tier === tier);
    const expected = mods.reduce((n, m) => n + m.expected, 0);
    const completed = mods.reduce((n, m) => n + m.completed, 0);
    const t = teachersOf.get(tier);
    return { tier, teachers: t?.teachers ?? 0, teachersDone: t?.teachers_done ?? 0, expected, completed, percent: percentOf(completed, expected) };
  });
  let running = 0;
  const total = counts.total;
  return {
    byModule,
    byTier,
    overdue: counts.overdue.map((o) => ({ teacher: o.name, email: o.email, moduleId: o.module_id, dueDate: o.due_date })),
    overdueTotal: counts.overdue_total,
    overTime: counts.weeks.map((w) => ({ week: w.week, completed: (running += w.n) })),
    teachers: {
      rows: detail.byTeacher,
      page: counts.offset / pageSize + 1,
      pages: Math.max(1, Math.ceil(total / pageSize)),
      total,
      first: total === 0 ? 0 : counts.offset + 1,
    },
  };
}

export type SchoolDashboard = Awaited<ReturnType<typeof getSchoolDashboard>>;
