// --processes=1,2: the same PostgreSQL served by N app processes (scripts/server.mjs, each on its
// own port) behind nginx; per N, the lesson, quiz-submission (verified in SQL) and LTI launch
// scenarios through nginx. With N ≥ 2 it first checks, process by process, that nothing a user
// holds lives in one process: a session made in A works in B, a launch begun in A ends in B.
import { seedBenchRegistration, startBenchPlatform } from './lti-platform.mjs';
import { runLoad } from './load.mjs';
import { startNginx } from './nginx.mjs';
import { launchOnce, runLtiLaunchScenario } from './lti-launch.mjs';
import { runLessonScenarios, runQuizScenario } from './scenarios.mjs';
import { freePort, startServer } from './server.mjs';
import { signIn } from './session.mjs';

async function status(url, cookie) {
  const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  await res.body?.cancel();
  return res.status;
}

/** Sign-in and LTI login state across two processes, each step sent to a chosen one. */
export async function crossProcessChecks({ url, prep, apps, publicUrl }) {
  const [a, b] = apps;
  // A module of this teacher's own tiers: another module's marks are a 404 whatever the session.
  const teacher = prep.lessons[0];
  const moduleId = teacher.progressPath.split('/').pop();
  const cookie = await signIn(a.baseUrl, teacher.email);
  const progress = `/api/progress/${moduleId}`;
  const session = {
    signedInAt: a.port,
    readAt: b.port,
    withCookie: await status(`${b.baseUrl}${progress}`, cookie),
    without: await status(`${b.baseUrl}${progress}`),
  };
  session.ok = session.withCookie === 200 && session.without !== 200;

  const platform = await startBenchPlatform();
  try {
    await seedBenchRegistration(url, { jwksUrl: platform.jwksUrl, origin: platform.origin });
    const launch = { loginAt: a.port, launchAt: b.port, sessionAt: a.port };
    try {
      await launchOnce(publicUrl, platform, { sub: `cross-process-${Date.now()}`, moduleId, via: { login: a.baseUrl, launch: b.baseUrl, session: a.baseUrl } });
      launch.ok = true;
    } catch (err) {
      launch.ok = false;
      launch.error = err.message;
    }
    return { ok: session.ok && launch.ok, session, launch };
  } finally {
    await platform.stop();
  }
}

async function startProcesses(n, { url, nodeArgs, publicUrl }) {
  const apps = [];
  try {
    // One at a time: each start migrates (a no-op after the first) under the database lock.
    for (let i = 0; i < n; i++) {
      const port = await freePort();
      apps.push(
        await startServer({
          databaseUrl: url,
          port,
          label: `scale-${n}-${i + 1}`,
          nodeArgs,
          env: { TRUSTED_PROXIES: '127.0.0.1', PUBLIC_URL: publicUrl },
        }),
      );
    }
    return apps;
  } catch (err) {
    await Promise.all(apps.map((a) => a.stop()));
    throw err;
  }
}

/** Runs the scale-out scenarios for each process count in `scale.processes`. */
export async function runScaleOut({ url, prep, scale, log }) {
  const runs = [];
  for (const n of scale.processes) {
    const listenPort = await freePort();
    const publicUrl = `http://127.0.0.1:${listenPort}`;
    const apps = await startProcesses(n, { url, nodeArgs: scale.nodeArgs, publicUrl });
    const nginx = await startNginx({ listenPort, ports: apps.map((a) => a.port) });
    log(`scale-out: ${n} app process(es) on ${apps.map((a) => a.port).join(', ')} behind nginx on ${listenPort}`);
    const entry = { processes: n, ports: apps.map((a) => a.port), results: [] };
    try {
      if (n >= 2) {
        entry.crossProcess = await crossProcessChecks({ url, prep, apps, publicUrl });
        log(`scale-out: cross-process checks ${JSON.stringify(entry.crossProcess)}`);
      }
      const front = { baseUrl: nginx.baseUrl, pid: apps[0].pid, serverPid: () => apps[0].serverPid() };
      const extraPids = [...apps.slice(1).map((a) => a.pid), nginx.pid];
      const suffix = ` ×${n} behind nginx`;
      const common = { baseUrl: nginx.baseUrl, duration: scale.duration, warmup: scale.warmup, quietWaitMs: scale.quietWaitMs };
      const run = async (opts) => {
        const r = await runLoad({ ...common, serverPid: front.serverPid(), extraPids, ...opts });
        log(r);
        entry.results.push(r);
        return r;
      };
      const want = (id) => !scale.only || scale.only.includes(id);
      if (want('lesson')) await runLessonScenarios({ run, prep, suffix });
      if (want('quiz')) entry.results.push(await runQuizScenario({ app: front, url, prep, scale, log, extraPids, suffix }));
      if (want('lti-launch'))
        entry.results.push(
          await runLtiLaunchScenario({ app: front, url, prep, scale, log, baseUrl: publicUrl, serverPids: [...apps.map((a) => a.pid), nginx.pid], suffix }),
        );
      const nginxErrors = nginx.errors().trim();
      if (nginxErrors) entry.nginxErrors = nginxErrors.split('\n').slice(-5);
    } finally {
      await nginx.stop();
      await Promise.all(apps.map((a) => a.stop()));
    }
    runs.push(entry);
  }
  return runs;
}
