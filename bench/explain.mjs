// EXPLAIN (ANALYZE, BUFFERS) of the statements GET /admin runs for a typical school (the summary
// counts of db/queries/completion-dashboard.ts, then one page of teachers in detail from
// db/queries/completion.ts getSchoolCompletionData) and of the national roll-up
// (db/queries/operator.ts: getSchoolRollup reads rollup_snapshots, refreshRollupSnapshot recomputes
// it). The counting statement is the app's own; the others mirror what drizzle generates from those
// files; keep them in step.
import { PgDialect } from 'drizzle-orm/pg-core';
import { tsImport } from 'tsx/esm/api';
import { withClient } from './db.mjs';

const PAGE_SIZE = 50;
const OVERDUE_SHOWN = 20;

// The counting statement is the app's own (db/queries/completion-dashboard-sql.ts), loaded through
// tsx and rendered by drizzle: what the server sends, with its parameters.
const dashboardSql = await tsImport('../db/queries/completion-dashboard-sql.ts', import.meta.url);
const dialect = new PgDialect();

/** getSchoolDashboardCounts without filters, first page: the statuses of the whole school, counted. */
export function dashboardCountsQuery(schoolId, today = new Date().toISOString().slice(0, 10)) {
  const { sql, params } = dialect.sqlToQuery(dashboardSql.dashboardCountsSql(schoolId, today, {}, { offset: 0, size: PAGE_SIZE, overdueLimit: OVERDUE_SHOWN }));
  return { text: sql, values: params };
}

/** The page's detail reads (getSchoolCompletionData for the first page of teachers by name). */
export function dashboardQueries(schoolId) {
  const s = `'${schoolId}'::uuid`;
  const page = `(select m.user_id from memberships m join users u on u.id = m.user_id
      where m.school_id = ${s} and m.role = 'teacher' and m.active order by u.name, u.id limit ${PAGE_SIZE})`;
  return {
    counts: dashboardCountsQuery(schoolId),
    teachers: `select u.id, u.name, u.email, m.tiers from memberships m inner join users u on u.id = m.user_id
      where m.school_id = ${s} and m.role = 'teacher' and m.active = true and m.user_id in ${page} order by u.name asc, u.id asc`,
    catalog: `select id, tier, title, cardinality(section_ids) from modules where retired = false order by split_part(tier, '-', 1)::int, position asc`,
    done: `select user_id, module_id, score, completed_at from completions where school_id = ${s} and user_id in ${page}`,
    attempts: `select user_id, module_id, count(*)::int, max(score)::int from quiz_attempts
      where school_id = ${s} and submitted_at is not null and user_id in ${page} group by user_id, module_id`,
    read: `select user_id, module_id, count(*)::int from section_progress where school_id = ${s} and user_id in ${page} group by user_id, module_id`,
    assigned: `select module_id, tier, user_id, due_date from assignments where school_id = ${s}`,
  };
}

/** The read path of getSchoolRollup: every school with its snapshot row for the tier ('' = all tiers). */
export function rollupReadQuery(tier = null) {
  return `select s.id as school_id, s.slug, s.name, s.region_id, r.name as region_name,
      coalesce(x.teachers, 0) as teachers, coalesce(x.expected, 0) as expected,
      coalesce(x.completed, 0) as completed, x.computed_at
    from schools s
    left join regions r on r.id = s.region_id
    left join rollup_snapshots x on x.school_id = s.id and x.tier = '${tier ?? ''}'
    order by r.slug nulls last, s.slug`;
}

/** refreshRollupSnapshot's statements (db/queries/operator.ts), explained in a transaction that is rolled back. */
export const rollupRefreshStatements = {
  delete: 'delete from rollup_snapshots',
  perTier: `insert into rollup_snapshots (school_id, tier, teachers, expected, completed, computed_at)
      with t as (
        select m.school_id, m.user_id, unnest(m.tiers) as tier
        from memberships m where m.active and m.role = 'teacher'
      ), mods as (
        select tier, count(*)::int as n from modules where not retired group by tier
      ), exp as (
        select t.school_id, t.tier, count(*)::int as teachers, sum(mods.n)::int as expected
        from t join mods using (tier) group by t.school_id, t.tier
      ), done as (
        select t.school_id, t.tier, count(*)::int as completed
        from t
        join completions c on c.user_id = t.user_id and c.school_id = t.school_id
        join modules mo on mo.id = c.module_id and mo.tier = t.tier and not mo.retired
        group by t.school_id, t.tier
      )
      select e.school_id, e.tier, e.teachers, e.expected, coalesce(d.completed, 0), now()
      from exp e left join done d using (school_id, tier)`,
  allTiers: `insert into rollup_snapshots (school_id, tier, teachers, expected, completed, computed_at)
      select s.school_id, '', coalesce(m.teachers, 0), s.expected, s.completed, now()
      from (select school_id, sum(expected)::int as expected, sum(completed)::int as completed
            from rollup_snapshots group by school_id) s
      left join (select school_id, count(*)::int as teachers from memberships
                 where active and role = 'teacher' group by school_id) m using (school_id)`,
};

/** `query`: SQL text, or { text, values } for a statement with parameters. */
async function explain(c, query, { warm = true } = {}) {
  const { text: sql, values } = typeof query === 'string' ? { text: query, values: [] } : query;
  if (warm) await c.query(sql, values); // warm the cache and the plan, as a running server would have
  const { rows } = await c.query(`explain (analyze, buffers) ${sql}`, values);
  const text = rows.map((r) => r['QUERY PLAN']).join('\n');
  const execMs = Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN);
  const planMs = Number(/Planning Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN);
  return { sql: sql.replace(/\s+/g, ' ').trim(), plan: text, execMs, planMs };
}

/** `school`: { school_id, slug, teachers } of a typical school. */
export async function explainAll(url, school) {
  return withClient(url, async (c) => {
    const dashboard = {};
    for (const [name, sql] of Object.entries(dashboardQueries(school.school_id))) dashboard[name] = await explain(c, sql);
    const rollup = await explain(c, rollupReadQuery(null));
    // The refresh writes: explain it in a transaction that is rolled back, leaving the snapshot as it was.
    const refresh = {};
    await c.query('begin');
    try {
      for (const [name, sql] of Object.entries(rollupRefreshStatements)) refresh[name] = await explain(c, sql, { warm: false });
    } finally {
      await c.query('rollback');
    }
    const total = Object.values(dashboard).reduce((n, q) => n + q.execMs + q.planMs, 0);
    const refreshTotalMs = Math.round(Object.values(refresh).reduce((n, q) => n + q.execMs + q.planMs, 0));
    return { school, dashboard, dashboardTotalMs: Math.round(total * 10) / 10, rollup, refresh, refreshTotalMs };
  });
}
