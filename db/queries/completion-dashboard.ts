import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db';

type Filter = { tier?: string; status?: string };

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

const matches = (f: Filter) =>
  sql`(${f.tier ?? null}::text is null or c.tier = ${f.tier ?? null}) and (${f.status ?? null}::text is null or c.status = ${f.status ?? null})`;

/** Per module: expected, completed and overdue (modules nobody is expected to take are absent). */
export async function getSchoolModuleCounts(schoolId: string, today: string) {
  return queryRows<{ module_id: string; expected: number; completed: number; overdue: number }>(sql`
    with c as (${cells(schoolId, today)})
    select module_id, count(*)::int as expected,
      count(*) filter (where status = 'completed')::int as completed,
      count(*) filter (where status = 'overdue')::int as overdue
    from c group by module_id`);
}

/** Per tier the school's teachers teach: how many teach it and how many finished all its modules. */
export async function getSchoolTierCounts(schoolId: string, today: string) {
  return queryRows<{ tier: string; teachers: number; teachers_done: number }>(sql`
    with c as (${cells(schoolId, today)}),
    tt as (select m.user_id, tier from memberships m, unnest(m.tiers) tier
           where m.school_id = ${schoolId} and m.active and m.role = 'teacher')
    select tier, count(*)::int as teachers,
      count(*) filter (where not exists (select 1 from c where c.user_id = tt.user_id and c.tier = tt.tier and c.status <> 'completed'))::int as teachers_done
    from tt group by tier`);
}

/** The first `limit` overdue modules (teachers by name, then catalog order) and how many there are. */
export async function listSchoolOverdue(schoolId: string, today: string, tier: string | undefined, limit: number) {
  return queryRows<{ user_id: string; name: string; email: string | null; module_id: string; tier: string; due_date: string; total: number }>(sql`
    with c as (${cells(schoolId, today)})
    select c.user_id, u.name, u.email, c.module_id, c.tier, c.due_date::text as due_date, count(*) over ()::int as total
    from c join users u on u.id = c.user_id join modules mo on mo.id = c.module_id
    where ${matches({ tier, status: 'overdue' })}
    order by u.name, u.id, split_part(mo.tier, '-', 1)::int, mo.position
    limit ${limit}`);
}

/** Completions per week (Monday, UTC), oldest first. */
export async function listSchoolCompletionsByWeek(schoolId: string) {
  return queryRows<{ week: string; n: number }>(sql`
    select to_char(date_trunc('week', completed_at at time zone 'UTC'), 'YYYY-MM-DD') as week, count(*)::int as n
    from completions where school_id = ${schoolId} group by 1 order by 1`);
}

/** How many teachers have a module matching the filters. */
export async function countSchoolTeachers(schoolId: string, today: string, filter: Filter) {
  const [row] = await queryRows<{ n: number }>(sql`
    with c as (${cells(schoolId, today)})
    select count(distinct c.user_id)::int as n from c where ${matches(filter)}`);
  return row?.n ?? 0;
}

/** One page of the teachers who have a module matching the filters, by name. */
export async function listSchoolTeacherPage(schoolId: string, today: string, filter: Filter, offset: number, limit: number) {
  const rows = await queryRows<{ user_id: string }>(sql`
    with c as (${cells(schoolId, today)}),
    t as (select distinct c.user_id from c where ${matches(filter)})
    select t.user_id from t join users u on u.id = t.user_id
    order by u.name, u.id
    offset ${offset} limit ${limit}`);
  return rows.map((r) => r.user_id);
}
