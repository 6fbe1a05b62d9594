import 'server-only';
import { queryRows } from '@/db';
import { dashboardCountsSql, type DashboardFilter, type DashboardPage } from './completion-dashboard-sql';

/** The dashboard's counts for one school (see dashboardCountsSql). */
export async function getSchoolDashboardCounts(schoolId: string, today: string, filter: DashboardFilter, page: DashboardPage) {
  const [row] = await queryRows<DashboardCounts>(dashboardCountsSql(schoolId, today, filter, page));
  return row!;
}

export type DashboardCounts = {
  modules: { module_id: string; expected: number; completed: number; overdue: number }[];
  tiers: { tier: string; teachers: number; teachers_done: number }[];
  overdue: { user_id: string; name: string; email: string | null; module_id: string; due_date: string }[];
  overdue_total: number;
  weeks: { week: string; n: number }[];
  total: number;
  offset: number;
  page_ids: string[];
};
