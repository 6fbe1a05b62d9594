// The app's load scenarios: who signs in, what is requested, at which concurrency; and the bytes the
// bare-server baseline replays.
import zlib from 'node:zlib';
import { createAttemptBatch, pickQuizTeachers, verifySubmissions } from './attempts.mjs';
import { withClient } from './db.mjs';
import { runLtiLaunchScenario } from './lti-launch.mjs';
import { runLoad } from './load.mjs';
import { signIn, signInMany } from './session.mjs';

const TIERS = ['9-10', '11-12', '13-14', '15-17'];
const LANGS = ['kk', 'ru', 'en'];
// Lesson and quiz at high concurrency (throughput); dashboard and roll-up at the few concurrent admins
// and operators they serve (latency targets); handouts cold at 8 (CPU-bound rendering), cached at 50.
export const CONCURRENCY = { lesson: 50, quiz: 100, dashboard: 4, rollup: 2, items: 4, handoutCold: 8, handoutCached: 50 };

/** Cycles through `items`; `wraps` counts how often it ran out (a pool too small for the run). */
function rotation(items) {
  let i = 0;
  const r = {
    wraps: 0,
    used: 0,
    next() {
      if (i === items.length) {
        i = 0;
        r.wraps++;
      }
      r.used++;
      return items[i++];
    },
  };
  return r;
}

/** The users and URLs every scenario needs, chosen from the seeded data and signed in over HTTP. */
export async function prepareScenarios({ app, url, scale, log }) {
  const data = await withClient(url, async (c) => {
    const modules = (await c.query('select id, tier, section_ids from modules where not retired order by tier, position')).rows;
    const lessonTeachers = (
      await c.query(`select u.email, m.tiers from memberships m join users u on u.id = m.user_id
        where m.role = 'teacher' and u.email like '%@bench.kko' order by md5(u.id::text || 'lesson') limit 50`)
    ).rows;
    // "Typical" schools: the 20 whose teacher count is closest to the median.
    const typical = (
      await c.query(`with sizes as (select school_id, count(*) as n from memberships where role = 'teacher' and active group by school_id),
        med as (select percentile_disc(0.5) within group (order by n) as m from sizes)
        select s.slug, sizes.school_id, sizes.n::int as teachers, u.email as admin
        from sizes, med, schools s, memberships a, users u
        where s.id = sizes.school_id and a.school_id = s.id and a.role = 'school_admin' and u.id = a.user_id
        order by abs(sizes.n - med.m), s.slug limit 20`)
    ).rows;
    const slugs = (await c.query('select slug from schools order by md5(slug)')).rows.map((r) => r.slug);
    return { modules, lessonTeachers, typical, slugs };
  });

  const t = performance.now();
  const lessonCookies = await signInMany(
    app.baseUrl,
    data.lessonTeachers.map((x) => x.email),
  );
  const adminCookies = await signInMany(
    app.baseUrl,
    data.typical.map((x) => x.admin),
  );
  const operatorCookie = await signIn(app.baseUrl, 'operator@bench.kko');
  const quizTeachers = await pickQuizTeachers(url, scale.quizTeachers);
  const quizCookies = await signInMany(
    app.baseUrl,
    quizTeachers.map((x) => x.email),
    12,
  );
  quizTeachers.forEach((q, i) => (q.cookie = quizCookies[i]));
  const signInMs = Math.round(performance.now() - t);
  const signedIn = lessonCookies.length + adminCookies.length + 1 + quizCookies.length;
  log(`signed in ${signedIn} bench users over HTTP in ${(signInMs / 1000).toFixed(1)} s`);

  const lessons = data.lessonTeachers.map((teacher, i) => {
    const mods = data.modules.filter((m) => teacher.tiers.includes(m.tier));
    const mod = mods[i % mods.length];
    // /learn/<m>/<s> redirects here: the section prerendered per language, then the teacher's marks as JSON (public/lesson.js).
    const lang = LANGS[i % LANGS.length];
    return {
      email: teacher.email,
      cookie: lessonCookies[i],
      path: `/lessons/${lang}/${mod.id}/${mod.section_ids[i % mod.section_ids.length]}`,
      progressPath: `/api/progress/${mod.id}`,
    };
  });
  const captureSlug = data.typical[0].slug;
  const cachedPath = `/handouts/${captureSlug}/9-10.pdf?lang=kk`;
  const coldPaths = [];
  for (const tier of TIERS) for (const lang of LANGS) for (const slug of data.slugs) coldPaths.push(`/handouts/${slug}/${tier}.pdf?lang=${lang}`);
  return {
    lessons,
    admins: adminCookies,
    typicalSchools: data.typical,
    operatorCookie,
    quizTeachers,
    cachedPath,
    coldPaths: coldPaths.filter((p) => p !== cachedPath),
    signIn: { users: signedIn, ms: signInMs },
  };
}

async function get(app, path, cookie) {
  const res = await fetch(`${app.baseUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}, expected 200`);
  return { body, type: res.headers.get('content-type') };
}

/** Lesson HTML and handout PDF as the app serves them (for the bare baseline), and the lesson's first-load JS. */
export async function captureBytes(app, prep) {
  const lesson = await get(app, prep.lessons[0].path, prep.lessons[0].cookie);
  const pdf = await get(app, prep.cachedPath);
  const about = await get(app, '/about');
  // What a modern browser downloads: every <script src>, except the nomodule polyfills only old browsers fetch.
  const tags = [...lesson.body.toString().matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)].filter((m) => !/nomodule/i.test(m[0]));
  const scripts = [...new Set(tags.map((m) => m[1]))];
  const chunks = [];
  for (const src of scripts) {
    const js = await get(app, src);
    chunks.push({ src, rawKb: +(js.body.length / 1024).toFixed(1), gzipKb: +(zlib.gzipSync(js.body).length / 1024).toFixed(1) });
  }
  const sum = (k) => Math.round(chunks.reduce((n, c) => n + c[k], 0));
  return {
    lesson: lesson.body,
    lessonType: lesson.type,
    lessonPath: prep.lessons[0].path,
    pdf: pdf.body,
    aboutBytes: about.body.length,
    firstLoadJs: { scripts: scripts.length, rawKb: sum('rawKb'), gzipKb: sum('gzipKb'), chunks },
  };
}

function rotatingGet(items) {
  const rot = rotation(items);
  return {
    rot,
    request: {
      method: 'GET',
      setupRequest(req) {
        const item = rot.next();
        const headers = { ...req.headers };
        if (item.cookie) headers.cookie = item.cookie;
        if (item.forwardedFor) headers['x-forwarded-for'] = item.forwardedFor;
        return { ...req, path: item.path, headers };
      },
    },
  };
}

/** The quiz submission scenario: a fresh batch of open attempts, then a check of what was acknowledged. */
export async function runQuizScenario({ app, url, prep, scale, log, connections = CONCURRENCY.quiz, extraPids = [], suffix = '' }) {
  const batch = await createAttemptBatch(url, prep.quizTeachers);
  const rot = rotation(batch);
  const responses = [];
  const request = {
    method: 'POST',
    setupRequest(req, context) {
      const item = rot.next();
      context.item = item;
      return {
        ...req,
        path: `/api/attempts/${item.attemptId}`,
        headers: { ...req.headers, cookie: item.cookie, 'content-type': 'application/json' },
        body: item.body,
      };
    },
    onResponse(status, _body, context) {
      responses.push({ attemptId: context.item.attemptId, status });
    },
  };
  const result = await runLoad({
    id: `quiz${suffix}`,
    name: `quiz submission POST /api/attempts/<id> @${connections}${suffix}`,
    baseUrl: app.baseUrl,
    request,
    connections,
    duration: scale.duration,
    warmup: scale.warmup,
    quietWaitMs: scale.quietWaitMs,
    serverPid: app.serverPid(),
    extraPids,
  });
  const verification = await verifySubmissions(url, batch, responses);
  result.pool = { attempts: batch.length, used: rot.used, wraps: rot.wraps };
  result.verification = verification;
  log(result);
  return result;
}

/** Reading a lesson: the prerendered section (the same bytes for everyone) and the teacher's read marks. */
export async function runLessonScenarios({ run, prep, suffix = '' }) {
  const page = rotatingGet(prep.lessons);
  const progress = rotatingGet(prep.lessons.map((l) => ({ path: l.progressPath, cookie: l.cookie })));
  return [
    await run({
      id: `lesson${suffix}`,
      name: `lesson page GET /lessons/<lang>/<module>/<section> @${CONCURRENCY.lesson}${suffix}`,
      request: page.request,
      connections: CONCURRENCY.lesson,
    }),
    await run({
      id: `lesson-progress${suffix}`,
      name: `lesson read marks GET /api/progress/<module> @${CONCURRENCY.lesson}${suffix}`,
      request: progress.request,
      connections: CONCURRENCY.lesson,
    }),
  ];
}

export async function runAppScenarios({ app, url, prep, scale, log }) {
  const common = { baseUrl: app.baseUrl, duration: scale.duration, warmup: scale.warmup, quietWaitMs: scale.quietWaitMs };
  const results = [];
  const run = async (opts) => {
    const r = await runLoad({ ...common, serverPid: app.serverPid(), ...opts });
    log(r);
    results.push(r);
    return r;
  };

  const want = (id) => !scale.only || scale.only.includes(id);
  if (want('lesson')) await runLessonScenarios({ run, prep });

  if (want('quiz')) results.push(await runQuizScenario({ app, url, prep, scale, log }));
  if (want('lti-launch')) results.push(await runLtiLaunchScenario({ app, url, prep, scale, log }));
  if (scale.only && !scale.only.some((id) => !['lesson', 'quiz', 'lti-launch'].includes(id))) return results;

  const dashboard = rotatingGet(prep.admins.map((cookie) => ({ path: '/admin', cookie })));
  await run({ id: 'dashboard', name: `school dashboard GET /admin @${CONCURRENCY.dashboard}`, request: dashboard.request, connections: CONCURRENCY.dashboard });

  await run({
    id: 'rollup',
    name: `national roll-up GET /operator @${CONCURRENCY.rollup}`,
    request: { method: 'GET', path: '/operator', headers: { cookie: prep.operatorCookie } },
    connections: CONCURRENCY.rollup,
    warmup: 0,
    timeout: 120,
  });

  // Item statistics read the snapshot the server computed at start (lib/items/worker.ts).
  await run({
    id: 'items',
    name: `item statistics GET /operator/items @${CONCURRENCY.items}`,
    request: { method: 'GET', path: '/operator/items', headers: { cookie: prep.operatorCookie } },
    connections: CONCURRENCY.items,
  });

  // Parents reach a school's handouts from many addresses; one address would meet the anonymous
  // render allowance (429) and measure the limiter. The bench server trusts 127.0.0.1 as a proxy.
  const cold = rotatingGet(prep.coldPaths.map((path, i) => ({ path, forwardedFor: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` })));
  const coldResult = await run({
    id: 'handout-cold',
    name: `handout PDF cold (a new school × tier × lang each) @${CONCURRENCY.handoutCold}`,
    request: cold.request,
    connections: CONCURRENCY.handoutCold,
    timeout: 60,
  });
  coldResult.pool = { urls: prep.coldPaths.length, used: cold.rot.used, wraps: cold.rot.wraps };

  await run({
    id: 'handout-cached',
    name: `handout PDF cached (one URL) @${CONCURRENCY.handoutCached}`,
    request: { method: 'GET', path: prep.cachedPath },
    connections: CONCURRENCY.handoutCached,
  });
  return results;
}
