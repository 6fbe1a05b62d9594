// Open quiz attempts created directly in SQL for signed-in teachers, and the check that every
// submission the app acknowledged is in the database exactly once.
import { withClient } from './db.mjs';
import { answersFor, drawQuestionIds, loadQuizBanks } from './quiz-bank.mjs';

/** Teachers who teach two tiers (8 modules each), spread over many schools. */
export function pickQuizTeachers(url, count) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(
      `select u.id as user_id, u.email, m.school_id, m.tiers from memberships m join users u on u.id = m.user_id
       where m.role = 'teacher' and m.active and cardinality(m.tiers) = 2
       order by md5(u.id::text) limit $1`,
      [count],
    );
    return rows;
  });
}

/**
 * One open attempt per (teacher, module of their tiers) with a fresh draw of questions from the
 * module's bank, and the correct answers. Open attempts left by an earlier batch are reused, not
 * deleted: deleting attempts makes PostgreSQL check completions and certificates, whose attempt_id
 * has no index (minutes at full scale). Items are interleaved across teachers.
 */
export async function createAttemptBatch(url, teachers) {
  const banks = loadQuizBanks();
  return withClient(url, async (c) => {
    const userIds = teachers.map((t) => t.user_id);
    const { rows: mods } = await c.query('select id, tier, version from modules where not retired order by tier, position');
    const { rows: done } = await c.query('select user_id, module_id from completions where user_id = any($1::uuid[])', [userIds]);
    const completed = new Set(done.map((d) => `${d.user_id}/${d.module_id}`));
    const perTeacher = teachers.map((t) => mods.filter((m) => t.tiers.includes(m.tier)).map((m) => ({ t, m })));
    const pairs = [];
    for (let i = 0; i < Math.max(...perTeacher.map((p) => p.length)); i++) for (const list of perTeacher) if (list[i]) pairs.push(list[i]);
    const drawn = pairs.map(({ m }) => drawQuestionIds(banks.get(m.id)));
    await c.query(
      `insert into quiz_attempts (user_id, school_id, module_id, module_version, question_ids)
       select u, s, m, v, string_to_array(q, ',') from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) as x(u, s, m, v, q)
       on conflict do nothing`,
      [pairs.map((p) => p.t.user_id), pairs.map((p) => p.t.school_id), pairs.map((p) => p.m.id), pairs.map((p) => p.m.version), drawn.map((d) => d.join(','))],
    );
    const { rows } = await c.query('select id, user_id, module_id, question_ids from quiz_attempts where submitted_at is null and user_id = any($1::uuid[])', [
      userIds,
    ]);
    const open = new Map(rows.map((r) => [`${r.user_id}/${r.module_id}`, r]));
    return pairs.map(({ t, m }) => {
      const attempt = open.get(`${t.user_id}/${m.id}`);
      return {
        attemptId: attempt.id,
        userId: t.user_id,
        moduleId: m.id,
        cookie: t.cookie,
        hadCompletion: completed.has(`${t.user_id}/${m.id}`),
        body: JSON.stringify({ answers: answersFor(banks.get(m.id), attempt.question_ids) }),
      };
    });
  });
}

/**
 * `responses`: [{ attemptId, status }] as the clients saw them (status 0 = no answer).
 * Checks: every 2xx attempt is submitted; no attempt got two 201s; passing first submissions
 * made exactly one completion pointing at them; submissions nobody saw answered are counted.
 */
export async function verifySubmissions(url, batch, responses) {
  const ids = batch.map((b) => b.attemptId);
  const { attempts, completions } = await withClient(url, async (c) => {
    // Requests still queued in the server when the load stopped keep committing for a moment: wait
    // until the count settles, then read attempts and completions in one snapshot.
    let last = -1;
    for (let i = 0; i < 60; i++) {
      const { rows } = await c.query('select count(*)::int as n from quiz_attempts where id = any($1::uuid[]) and submitted_at is not null', [ids]);
      if (rows[0].n === last) break;
      last = rows[0].n;
      await new Promise((r) => setTimeout(r, 500));
    }
    await c.query('begin isolation level repeatable read read only');
    try {
      return {
        attempts: (await c.query('select id, submitted_at is not null as submitted, passed from quiz_attempts where id = any($1::uuid[])', [ids])).rows,
        completions: (await c.query('select attempt_id, count(*)::int as n from completions where attempt_id = any($1::uuid[]) group by attempt_id', [ids]))
          .rows,
      };
    } finally {
      await c.query('commit');
    }
  });
  const byId = new Map(attempts.map((a) => [a.id, a]));
  const completionCount = new Map(completions.map((c) => [c.attempt_id, c.n]));
  const info = new Map(batch.map((b) => [b.attemptId, b]));
  const created = new Map();
  const acknowledged = new Set();
  const statuses = {};
  for (const r of responses) {
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    if (r.status >= 200 && r.status < 300) acknowledged.add(r.attemptId);
    if (r.status === 201) created.set(r.attemptId, (created.get(r.attemptId) ?? 0) + 1);
  }
  const lost = [...acknowledged].filter((id) => !byId.get(id)?.submitted);
  const doubled = [...created].filter(([, n]) => n > 1).map(([id]) => id);
  const submitted = attempts.filter((a) => a.submitted);
  const unacknowledged = submitted.filter((a) => !acknowledged.has(a.id)).length;
  const missingCompletion = submitted.filter((a) => a.passed && !info.get(a.id).hadCompletion && completionCount.get(a.id) !== 1).length;
  const strayCompletion = [...completionCount].filter(([id, n]) => n !== 1 || info.get(id).hadCompletion || !byId.get(id)?.passed).length;
  return {
    responses: responses.length,
    statuses,
    created: created.size,
    acknowledged: acknowledged.size,
    submittedInDb: submitted.length,
    unacknowledged,
    lost: lost.length,
    doubled: doubled.length,
    missingCompletion,
    strayCompletion,
    ok: lost.length === 0 && doubled.length === 0 && missingCompletion === 0 && strayCompletion === 0,
  };
}
