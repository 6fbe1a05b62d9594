// A fresh PostgreSQL database with the app's migrations and a national-scale synthetic dataset,
// generated with set-based SQL (generate_series, INSERT ... SELECT). Run alone: node bench/seed.mjs [--quick]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { ms, recreateDatabase, withClient } from './db.mjs';
import { AUTH_SECRET, BENCH_PASSWORD, ROOT, parseOptions } from './options.mjs';
import { loadQuizBanks, quizVariants } from './quiz-bank.mjs';
import { FIRST, LAST, REGIONS } from './seed-names.mjs';

/** The seeded status spread per (teacher, module of their tiers). */
export const SPREAD = { completed: 0.55, inProgress: 0.25, notStarted: 0.2, twoTiers: 0.4, openAttempt: 0.2, days: 120 };
const BULK_TABLES = ['section_progress', 'quiz_attempts', 'completions', 'confidence_answers'];
/** The language a teacher × module pair's attempts were taken in. */
const LOCALE_OF_PAIR = `(array['kk','ru','kk','ru','en'])[1 + (p.variant * 7 + p.variant2) % 5]`;
/** Share of started teacher × module pairs whose teacher answers the optional confidence questions. */
const CONFIDENCE_RATE = 0.4;
const TIER = `(array['9-10','11-12','13-14','15-17'])`;
/** An SQL expression picking one of `words` by the integer expression `n`. */
const pick = (words, n) => `(array[${words.map((w) => `'${w}'`).join(',')}])[1 + (${n}) % ${words.length}]`;

function migrate(url) {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const run = spawnSync(tsx, ['--conditions=react-server', 'scripts/db-task.ts', 'migrate'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`migrate failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout.trim();
}

/** Foreign keys touching the bulk tables, then their primary keys and indexes: dropped for the load, recreated after. */
async function dropBulkConstraints(c) {
  const { rows: fks } = await c.query(
    `select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def from pg_constraint
     where contype = 'f' and (conrelid::regclass::text = any($1) or confrelid::regclass::text = any($1))`,
    [BULK_TABLES],
  );
  const { rows: keys } = await c.query(
    `select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def from pg_constraint
     where contype in ('p', 'u') and conrelid::regclass::text = any($1)`,
    [BULK_TABLES],
  );
  const { rows: indexes } = await c.query(
    `select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = any($1)
     and indexname not in (select conname from pg_constraint where conrelid::regclass::text = any($1))`,
    [BULK_TABLES],
  );
  for (const f of fks) await c.query(`alter table ${f.tbl} drop constraint "${f.conname}"`);
  for (const k of keys) await c.query(`alter table ${k.tbl} drop constraint "${k.conname}"`);
  for (const i of indexes) await c.query(`drop index "${i.indexname}"`);
  return async () => {
    for (const k of keys) await c.query(`alter table ${k.tbl} add constraint "${k.conname}" ${k.def}`);
    for (const i of indexes) await c.query(i.indexdef);
    for (const f of fks) await c.query(`alter table ${f.tbl} add constraint "${f.conname}" ${f.def}`);
  };
}

/** The whole synthetic country; `log` gets one line per step with its time. */
async function seedData(c, scale, log) {
  const step = async (label, sql, params) => {
    const t = performance.now();
    const r = await c.query(sql, params);
    log(`  ${label}: ${r.rowCount ?? ''} rows, ${ms(t)} ms`);
    return r;
  };
  const t = performance.now();
  const hash = bcrypt.hashSync(BENCH_PASSWORD, 4);
  log(`  bcrypt hash of the shared password (cost 4, computed once): ${ms(t)} ms`);
  await c.query(`set synchronous_commit = off; set maintenance_work_mem = '1GB'; set work_mem = '256MB'; select setseed(0.2023)`);

  await step(
    'regions',
    `insert into regions (slug, name) select r->>0, jsonb_build_object('kk', r->>1, 'ru', r->>2, 'en', r->>3)
     from jsonb_array_elements($1::jsonb) r`,
    [JSON.stringify(REGIONS.slice(0, scale.regions))],
  );
  // School sizes are log-normal (many small rural schools, a few large city ones); the cumulative
  // split gives exactly `teachers` in total.
  await step(
    'school sizes',
    `create unlogged table bench_school as
     with w as (
       select n, md5('school' || n)::uuid as id,
         exp(0.8 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) as w,
         1 + floor(${scale.regions} * power(random(), 1.3))::int as region_n
       from generate_series(1, $1::int) n
     ), c as (select *, sum(w) over (order by n) as cw, sum(w) over () as tw from w)
     select n, id, region_n, (floor($2::bigint * cw / tw) - floor($2::bigint * (cw - w) / tw))::int as teachers from c`,
    [scale.schools, scale.teachers],
  );
  await step(
    'schools',
    `insert into schools (id, slug, name, region_id, address, contact_phone, contact_email, counsellor_name, counsellor_contact, join_code, created_at)
     select s.id, 'school-' || lpad(s.n::text, 5, '0'),
       jsonb_build_object('kk', '№' || s.n || ' жалпы білім беретін мектеп', 'ru', 'Общеобразовательная школа №' || s.n, 'en', 'Secondary School No. ' || s.n),
       r.id, 'ул. Абая, ' || (s.n % 200 + 1) || ', ' || (r.name->>'ru'),
       '+7 7' || lpad((s.n * 7919 % 1000000000)::text, 9, '0'), 'school' || s.n || '@bench.kko',
       ${pick(FIRST, 's.n')} || ' ' || ${pick(LAST, 's.n')}, '+7 701 ' || lpad((s.n % 10000000)::text, 7, '0'), 'bench' || s.n,
       now() - interval '400 days'
     from bench_school s join (select id, name, row_number() over (order by slug) as rn from regions) r on r.rn = s.region_n`,
  );
  await step(
    'teacher staging',
    `create unlogged table bench_teacher as
     select row_number() over (order by school_n, g) as n, gen_random_uuid() as user_id, school_id, school_n,
       case when r < ${SPREAD.twoTiers} then array[${TIER}[t + 1], ${TIER}[case when t = 3 then 3 else t + 2 end]]
         else array[${TIER}[t + 1]] end as tiers
     from (select s.id as school_id, s.n as school_n, g, floor(random() * 4)::int as t, random() as r
           from bench_school s, generate_series(1, s.teachers) g) x`,
  );
  const names = `${pick(FIRST, 'n * 7')} || ' ' || ${pick(LAST, `n * 13 / ${FIRST.length}`)}`;
  await step(
    'teachers (users)',
    `insert into users (id, email, name, password_hash, locale, created_at)
     select user_id, 'teacher' || n || '@bench.kko', ${names}, $1, (array['kk','ru','en','kk','ru',null])[1 + n % 6],
       now() - interval '130 days' + (n % 1000) * interval '1 minute' from bench_teacher`,
    [hash],
  );
  await step(
    'teachers (memberships)',
    `insert into memberships (user_id, school_id, role, tiers, created_at)
     select user_id, school_id, 'teacher', tiers, now() - interval '130 days' from bench_teacher`,
  );
  await step(
    'school admins (users)',
    `insert into users (id, email, name, password_hash, locale, created_at)
     select md5('admin' || n)::uuid, 'admin' || n || '@bench.kko', 'Admin ' || n, $1, 'ru', now() - interval '400 days' from bench_school`,
    [hash],
  );
  await step(
    'school admins (memberships)',
    `insert into memberships (user_id, school_id, role, tiers, created_at)
     select md5('admin' || n)::uuid, id, 'school_admin', '{}', now() - interval '400 days' from bench_school`,
  );
  await step(
    'operator',
    `insert into users (email, name, password_hash, is_operator, locale) values ('operator@bench.kko', 'Ministry Operator', $1, true, 'ru')`,
    [hash],
  );

  const variants = quizVariants(loadQuizBanks());
  await c.query(
    `create unlogged table bench_variant (module_id text, v int, question_ids text[], a100 jsonb, a88 jsonb, a63 jsonb, primary key (module_id, v))`,
  );
  await step(
    'quiz variants (from modules/*/quiz.en.json)',
    `insert into bench_variant select x.module_id, x.v, array(select jsonb_array_elements_text(x.q)), x.a100, x.a88, x.a63
     from jsonb_to_recordset($1::jsonb) as x(module_id text, v int, q jsonb, a100 jsonb, a88 jsonb, a63 jsonb)
     join modules m on m.id = x.module_id`,
    [JSON.stringify(variants.map((r) => ({ module_id: r.moduleId, v: r.v, q: r.questionIds, a100: r.a100, a88: r.a88, a63: r.a63 })))],
  );
  // One row per (teacher, module of their tiers) with its status and dates; t_last is the last activity.
  await step(
    'teacher x module staging',
    `create unlogged table bench_pair as
     select user_id, school_id, module_id, version, section_ids, nsec, status, variant, variant2, r2,
       t_last - (1 + 13 * r1) * interval '1 day' as t_start, t_last,
       case when status = 'c' then (case when r2 < 0.6 then 100 else 88 end) end as pass_score,
       case status when 'c' then (case when r5 < 0.9 then nsec else 1 + floor(r3 * (nsec - 1))::int end)
                   when 'p' then 1 + floor(r3 * nsec)::int else 0 end as k,
       (status = 'c' and r4 < 0.15) or (status = 'p' and r4 < 0.2) as failed_once,
       case when status = 'c' then gen_random_uuid() end as pass_id
     from (
       select t.user_id, t.school_id, m.id as module_id, m.version, m.section_ids, cardinality(m.section_ids) as nsec,
         case when u < ${SPREAD.completed} then 'c' when u < ${SPREAD.completed + SPREAD.inProgress} then 'p' else 'n' end as status,
         now() - random() * interval '${SPREAD.days - 14} days' as t_last,
         random() as r1, random() as r2, random() as r3, random() as r4, random() as r5,
         floor(random() * 12)::int as variant, floor(random() * 12)::int as variant2
       from (select *, random() as u from bench_teacher) t join modules m on m.tier = any(t.tiers) and not m.retired
     ) x`,
  );
  await c.query('analyze bench_pair');

  const restore = await dropBulkConstraints(c);
  await step(
    'section_progress',
    `insert into section_progress (user_id, school_id, module_id, section_id, read_at)
     select p.user_id, p.school_id, p.module_id, p.section_ids[i],
       p.t_start + (p.t_last - p.t_start) * (i::float8 / (p.k + 1))
     from bench_pair p, generate_series(1, p.k) i where p.k > 0`,
  );
  await step(
    'quiz_attempts (passed)',
    `insert into quiz_attempts (id, user_id, school_id, module_id, module_version, question_ids, started_at, submitted_at, answers, correct_count, score, passed, locale)
     select p.pass_id, p.user_id, p.school_id, p.module_id, p.version, v.question_ids,
       p.t_last - (5 + p.variant2) * interval '1 minute', p.t_last,
       case when p.pass_score = 100 then v.a100 else v.a88 end, case when p.pass_score = 100 then 8 else 7 end, p.pass_score, true, ${LOCALE_OF_PAIR}
     from bench_pair p join bench_variant v on v.module_id = p.module_id and v.v = p.variant where p.status = 'c'`,
  );
  await step(
    'quiz_attempts (failed)',
    `insert into quiz_attempts (user_id, school_id, module_id, module_version, question_ids, started_at, submitted_at, answers, correct_count, score, passed, locale)
     select p.user_id, p.school_id, p.module_id, p.version, v.question_ids, f.at - interval '9 minutes', f.at, v.a63, 5, 63, false, ${LOCALE_OF_PAIR}
     from bench_pair p join bench_variant v on v.module_id = p.module_id and v.v = p.variant2,
       lateral (select case when p.status = 'c' then p.t_last - (p.t_last - p.t_start) * 0.3 else p.t_last end as at) f
     where p.failed_once`,
  );
  // Quizzes started and not (yet) submitted: one in five of the modules in progress. Abandoned
  // attempts stay open, so a live database always holds some.
  await step(
    'quiz_attempts (open)',
    `insert into quiz_attempts (user_id, school_id, module_id, module_version, question_ids, started_at)
     select p.user_id, p.school_id, p.module_id, p.version, v.question_ids, p.t_last
     from bench_pair p join bench_variant v on v.module_id = p.module_id and v.v = p.variant where p.status = 'p' and p.r2 < ${SPREAD.openAttempt}`,
  );
  await step(
    'completions',
    `insert into completions (user_id, school_id, module_id, attempt_id, score, completed_at)
     select user_id, school_id, module_id, pass_id, pass_score, t_last from bench_pair where status = 'c'`,
  );
  // Optional confidence questions: "before" by some who started a module, "after" by those of them who passed.
  const confidenceIds = JSON.parse(fs.readFileSync(path.join(ROOT, 'modules/confidence.json'), 'utf8')).questions.map((q) => q.id);
  await step(
    'confidence_answers',
    `insert into confidence_answers (user_id, school_id, module_id, phase, question_id, value, created_at)
     select p.user_id, p.school_id, p.module_id, ph.phase, q.id,
       case when ph.phase = 'before' then 1 + floor(random() * 4)::int else 2 + floor(random() * 4)::int end,
       case when ph.phase = 'before' then p.t_start else p.t_last end
     from bench_pair p
     cross join (values ('before'), ('after')) as ph(phase)
     cross join unnest($1::text[]) as q(id)
     where p.status <> 'n' and (p.variant * 12 + p.variant2) < ${CONFIDENCE_RATE} * 144 and (ph.phase = 'before' or p.status = 'c')`,
    [confidenceIds],
  );
  await step(
    'assignments (3 schools in 5 assign every module of every tier)',
    `insert into assignments (school_id, module_id, tier, due_date, created_by, created_at)
     select s.id, m.id, m.tier, current_date + (floor(random() * 150)::int - 90), md5('admin' || s.n)::uuid, now() - interval '125 days'
     from bench_school s cross join modules m where not m.retired and s.n % 5 < 3`,
  );
  const tr = performance.now();
  await restore();
  log(`  primary keys, indexes and foreign keys rebuilt: ${ms(tr)} ms`);
  await c.query('drop table bench_pair, bench_teacher, bench_variant, bench_school');
}

export async function counts(url) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(`select
      (select count(*) from regions)::int as regions, (select count(*) from schools)::int as schools,
      (select count(*) from memberships where role = 'teacher')::int as teachers,
      (select count(*) from memberships where role = 'school_admin')::int as school_admins,
      (select count(*) from users where is_operator)::int as operators,
      (select count(*) from memberships m join modules mo on mo.tier = any(m.tiers) and not mo.retired where m.role = 'teacher')::int as expected,
      (select count(*) from section_progress)::int as section_progress,
      (select count(*) from quiz_attempts)::int as quiz_attempts,
      (select count(*) from completions)::int as completions,
      (select count(*) from confidence_answers)::int as confidence_answers,
      (select count(*) from assignments)::int as assignments,
      pg_database_size(current_database())::bigint as bytes`);
    const r = rows[0];
    return { ...r, bytes: Number(r.bytes), progressRows: r.section_progress + r.quiz_attempts + r.completions };
  });
}

/** Fresh database, migrations and catalog, the dataset, VACUUM ANALYZE. Returns timings and row counts. */
export async function seedDatabase(scale, log = console.log) {
  const t0 = performance.now();
  const url = await recreateDatabase(scale.database);
  log(`database ${scale.database} created`);
  const tm = performance.now();
  log(`  ${migrate(url).split('\n').pop()} (${ms(tm)} ms)`);
  const ts = performance.now();
  await withClient(url, (c) => seedData(c, scale, log));
  const seedMs = ms(ts);
  const tv = performance.now();
  await withClient(url, (c) => c.query('vacuum analyze'));
  const vacuumMs = ms(tv);
  const rows = await counts(url);
  const totalMs = ms(t0);
  log(`seeded in ${(seedMs / 1000).toFixed(1)} s (VACUUM ANALYZE ${(vacuumMs / 1000).toFixed(1)} s, total ${(totalMs / 1000).toFixed(1)} s)`);
  log(`  ${JSON.stringify(rows)}`);
  return { url, seedMs, vacuumMs, totalMs, rows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await seedDatabase(parseOptions());
}
