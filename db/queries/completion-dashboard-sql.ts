import { sql } from 'drizzle-orm';

// The school dashboard's counting statement, free of the client and of 'server-only' so that
// bench/explain.mjs explains this very statement (through tsx) instead of a copy.

export type DashboardFilter = { tier?: string; status?: string };
export type DashboardPage = { offset: number; size: number; overdueLimit: number };

/**
 * Every expected (teacher, module) of the school with its status, in SQL: the same rules as
 * lib/completion/summarize.ts (completed, else overdue past the due date, a named due date
 * winning over the tier's, else in progress once a section is read or a quiz submitted).
 * Only ever aggregated or limited: the dashboard never loads it whole.
 */
const cells = (schoolId: string, today: string) => sql`
  select e.user_id, e.module_id, e.tier,
    coalesce(named.due_date, tiered.due_date) as due_date,
    case
      when exists (select 1 from completions c where c.school_id = ${schoolId} and c.user_id = e.user_id and c.module_id = e.module_id) then 'completed'
      when coalesce(named.due_date, tiered.due_date) < ${today}::date then 'overdue'
      when exists (select 1 from section_progress p where p.school_id = ${schoolId} and p.user_id = e.user_id and p.module_id = e.module_id)
        or exists (select 1 from quiz_attempts q where q.school_id = ${schoolId} and q.user_id = e.user_id and q.module_id = e.module_id and q.submitted_at is not null)
        then 'in_progress'
      else 'not_started'
    end as status
  from expected_modules e
  join memberships m on m.school_id = e.school_id and m.user_id = e.user_id
  left join lateral (select a.due_date from assignments a
    where a.school_id = ${schoolId} and a.user_id = e.user_id and a.module_id = e.module_id limit 1) named on true
  left join lateral (select a.due_date from assignments a
    where a.school_id = ${schoolId} and a.user_id is null and a.module_id = e.module_id and a.tier = any(m.tiers) limit 1) tiered on true
  where e.school_id = ${schoolId}`;

const matches = (f: DashboardFilter) =>
  sql`(${f.tier ?? null}::text is null or c.tier = ${f.tier ?? null}) and (${f.status ?? null}::text is null or c.status = ${f.status ?? null})`;

/**
 * Everything the dashboard counts, in one statement (the status rules planned and run once): per
 * module and tier, the first `overdueLimit` overdue modules and their total, completions per week,
 * how many teachers match the filters and the ids of one page of them by name. A page past the
 * end gives the last page; `offset` says which one was taken.
 */
export const dashboardCountsSql = (schoolId: string, today: string, filter: DashboardFilter, page: DashboardPage) => sql`
    with c as materialized (${cells(schoolId, today)}),
    t as (select distinct c.user_id from c where ${matches(filter)}),
    total as (select count(*)::int as n from t),
    start as (select least(${page.offset}::bigint, greatest(0, (n - 1) / ${page.size}::int * ${page.size}::int))::int as n from total),
    shown as (select t.user_id, u.name from t join users u on u.id = t.user_id order by u.name, u.id offset (select n from start) limit ${page.size}),
    od as (select c.user_id, u.name, u.email, c.module_id, c.due_date::text as due_date, split_part(mo.tier, '-', 1)::int as tier_from, mo.position
           from c join users u on u.id = c.user_id join modules mo on mo.id = c.module_id
           where ${matches({ tier: filter.tier, status: 'overdue' })}),
    tt as (select m.user_id, tier from memberships m, unnest(m.tiers) tier where m.school_id = ${schoolId} and m.active and m.role = 'teacher')
    select
      (select coalesce(json_agg(x), '[]'::json) from (
        select module_id, count(*)::int as expected, count(*) filter (where status = 'completed')::int as completed,
          count(*) filter (where status = 'overdue')::int as overdue
        from c group by module_id) x) as modules,
      (select coalesce(json_agg(x), '[]'::json) from (
        select tier, count(*)::int as teachers,
          count(*) filter (where not exists (select 1 from c where c.user_id = tt.user_id and c.tier = tt.tier and c.status <> 'completed'))::int as teachers_done
        from tt group by tier) x) as tiers,
      (select coalesce(json_agg(x order by x.name, x.user_id, x.tier_from, x.position), '[]'::json) from (
        select * from od order by name, user_id, tier_from, position limit ${page.overdueLimit}) x) as overdue,
      (select count(*)::int from od) as overdue_total,
      (select coalesce(json_agg(x order by x.week), '[]'::json) from (
        select to_char(date_trunc('week', completed_at at time zone 'UTC'), 'YYYY-MM-DD') as week, count(*)::int as n
        from completions where school_id = ${schoolId} group by 1) x) as weeks,
      (select n from total) as total,
      (select n from start) as "offset",
      (select coalesce(json_agg(user_id order by name, user_id), '[]'::json) from shown) as page_ids`;
