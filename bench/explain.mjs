// EXPLAIN (ANALYZE, BUFFERS) of the school dashboard's queries (db/queries/completion.ts,
// getSchoolCompletionData) for a typical school and of the national roll-up (db/queries/operator.ts,
// getSchoolRollup). The SQL mirrors what drizzle generates from those files; keep them in step.
import { withClient } from './db.mjs';

export function dashboardQueries(schoolId) {
  const s = `'${schoolId}'::uuid`;
  return {
    teachers: `select u.id, u.name, u.email, m.tiers from memberships m inner join users u on u.id = m.user_id
      where m.school_id = ${s} and m.role = 'teacher' and m.active = true order by u.name asc`,
    catalog: `select id, tier, title, cardinality(section_ids) from modules where retired = false order by tier asc, position asc`,
    done: `select user_id, module_id, score, completed_at from completions where school_id = ${s}`,
    attempts: `select user_id, module_id, count(*)::int, max(score)::int from quiz_attempts
      where school_id = ${s} and submitted_at is not null group by user_id, module_id`,
    read: `select user_id, module_id, count(*)::int from section_progress where school_id = ${s} group by user_id, module_id`,
    assigned: `select module_id, tier, user_id, due_date from assignments where school_id = ${s}`,
  };
}

export function rollupQuery(tier = null) {
  const t = tier === null ? 'null' : `'${tier}'`;
  return `with expected as (
      select m.school_id, m.user_id, mo.id as module_id
      from memberships m
      join modules mo on mo.tier = any(m.tiers) and not mo.retired
      where m.active and m.role = 'teacher' and (${t}::text is null or mo.tier = ${t}::text)
    )
    select s.id as school_id, s.slug, s.name, s.region_id, r.name as region_name,
      (select count(*)::int from memberships m where m.school_id = s.id and m.active and m.role = 'teacher'
         and (${t}::text is null or ${t}::text = any(m.tiers))) as teachers,
      count(e.module_id)::int as expected,
      count(c.user_id)::int as completed
    from schools s
    left join regions r on r.id = s.region_id
    left join expected e on e.school_id = s.id
    left join completions c on c.user_id = e.user_id and c.module_id = e.module_id
    group by s.id, r.id
    order by r.slug nulls last, s.slug`;
}

async function explain(c, sql) {
  await c.query(sql); // warm the cache and the plan, as a running server would have
  const { rows } = await c.query(`explain (analyze, buffers) ${sql}`);
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
    const rollup = await explain(c, rollupQuery(null));
    const total = Object.values(dashboard).reduce((n, q) => n + q.execMs + q.planMs, 0);
    return { school, dashboard, dashboardTotalMs: Math.round(total * 10) / 10, rollup };
  });
}
