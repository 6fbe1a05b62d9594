import 'server-only';
import { getSchoolCompletionData } from '@/db/queries/completion';
import {
  countSchoolTeachers,
  getSchoolModuleCounts,
  getSchoolTierCounts,
  listSchoolCompletionsByWeek,
  listSchoolOverdue,
  listSchoolTeacherPage,
} from '@/db/queries/completion-dashboard';
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
  const [moduleCounts, tierCounts, overdue, weeks, total] = await Promise.all([
    getSchoolModuleCounts(schoolId, today),
    getSchoolTierCounts(schoolId, today),
    listSchoolOverdue(schoolId, today, filters.tier, overdueLimit),
    listSchoolCompletionsByWeek(schoolId),
    countSchoolTeachers(schoolId, today, filters),
  ]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, requestedPage), pages);
  const ids = total === 0 ? [] : await listSchoolTeacherPage(schoolId, today, filters, (page - 1) * pageSize, pageSize);
  const detail = summarizeCompletion(await getSchoolCompletionData(schoolId, ids), today, filters);

  const counts = new Map(moduleCounts.map((m) => [m.module_id, m]));
  const byModule = detail.byModule.map((m) => {
    const c = counts.get(m.id);
    const expected = c?.expected ?? 0;
    const completed = c?.completed ?? 0;
    return { ...m, expected, completed, percent: percentOf(completed, expected), overdue: c?.overdue ?? 0 };
  });
  const teachersOf = new Map(tierCounts.map((t) => [t.tier, t]));
  const byTier = [...new Set(byModule.map((m) => m.tier))].sort(compareTiers).map((tier) => {
    const mods = byModule.filter((m) => m.tier === tier);
    const expected = mods.reduce((n, m) => n + m.expected, 0);
    const completed = mods.reduce((n, m) => n + m.completed, 0);
    return {
      tier,
      teachers: teachersOf.get(tier)?.teachers ?? 0,
      teachersDone: teachersOf.get(tier)?.teachers_done ?? 0,
      expected,
      completed,
      percent: percentOf(completed, expected),
    };
  });
  let running = 0;
  return {
    byModule,
    byTier,
    overdue: overdue.map((o) => ({ teacher: o.name, email: o.email, moduleId: o.module_id, dueDate: o.due_date })),
    overdueTotal: overdue[0]?.total ?? 0,
    overTime: weeks.map((w) => ({ week: w.week, completed: (running += w.n) })),
    teachers: { rows: detail.byTeacher, page, pages, total, first: total === 0 ? 0 : (page - 1) * pageSize + 1 },
  };
}

export type SchoolDashboard = Awaited<ReturnType<typeof getSchoolDashboard>>;
