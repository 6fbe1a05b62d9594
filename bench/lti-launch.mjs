// The LTI 1.3 launch round trip as a browser inside an LMS makes it: POST the login initiation →
// the app answers 302 to the platform's auth URL with state and nonce (and a state cookie) → the
// platform signs an id_token for them → POST id_token + state to /lti/launch with the cookie → 303
// to /lti/session?ticket=… with a binding cookie → GET it → a session cookie and the module page.
import { withClient } from './db.mjs';
import { runFlowLoad } from './flow-load.mjs';
import { BENCH_CLIENT_ID, BENCH_DEPLOYMENT, BENCH_ISSUER, seedBenchRegistration, startBenchPlatform } from './lti-platform.mjs';

export const LTI_CONCURRENCY = 50;
/** Share of launches by someone who never launched before (a new account); the rest come back. */
const NEW_USER_SHARE = 0.1;

function keepCookies(jar, res) {
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(';')[0];
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    if (/max-age=0/i.test(header) || eq === pair.length - 1) jar.delete(name);
    else jar.set(name, pair.slice(eq + 1));
  }
}
const cookieHeader = (jar) => [...jar].map(([n, v]) => `${n}=${v}`).join('; ');

function expect(res, statuses, step) {
  if (!statuses.includes(res.status)) throw new Error(`${step} answered ${res.status}`);
}

/**
 * One launch for `sub` against `baseUrl` (the tool's public origin); resolves when the session
 * cookie is set, throws at the failing step. `via` sends a step to another origin (one app process
 * of several): { login, launch, session }.
 */
export async function launchOnce(baseUrl, platform, { sub, moduleId, via = {} }) {
  const jar = new Map();
  const targetLinkUri = `${baseUrl}/learn/${moduleId}`;
  const at = (url, origin) => (origin ? new URL(`${url.pathname}${url.search}`, origin) : url);
  const login = await fetch(at(new URL('/lti/login', baseUrl), via.login), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      iss: BENCH_ISSUER,
      login_hint: sub,
      target_link_uri: targetLinkUri,
      client_id: BENCH_CLIENT_ID,
      lti_deployment_id: BENCH_DEPLOYMENT,
      lti_message_hint: moduleId,
    }),
  });
  await login.body?.cancel();
  expect(login, [302], 'login');
  keepCookies(jar, login);
  const auth = new URL(login.headers.get('location'));
  const state = auth.searchParams.get('state');
  const idToken = await platform.idToken({ sub, nonce: auth.searchParams.get('nonce'), targetLinkUri, moduleId });

  const launch = await fetch(at(new URL(auth.searchParams.get('redirect_uri')), via.launch), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ id_token: idToken, state }),
  });
  const launchBody = await launch.text();
  if (launch.status !== 303) throw new Error(`launch answered ${launch.status}: ${/<h1[^>]*>([^<]*)/.exec(launchBody)?.[1] ?? ''}`.trim());
  keepCookies(jar, launch);

  const session = await fetch(at(new URL(launch.headers.get('location'), baseUrl), via.session), {
    redirect: 'manual',
    headers: { cookie: cookieHeader(jar) },
  });
  await session.body?.cancel();
  expect(session, [302, 303, 307], 'session');
  if (!session.headers.getSetCookie().some((c) => c.includes('session-token='))) throw new Error('session: no session cookie');
}

/** The LTI launch scenario, on the bench LMS school (seedBenchRegistration). */
export async function runLtiLaunchScenario({
  app,
  url,
  scale,
  log,
  baseUrl = app.baseUrl,
  serverPids = [app.pid],
  connections = LTI_CONCURRENCY,
  suffix = '',
}) {
  const platform = await startBenchPlatform();
  try {
    await seedBenchRegistration(url, { jwksUrl: platform.jwksUrl, origin: platform.origin });
    const moduleIds = await withClient(url, async (c) =>
      (await c.query(`select id from modules where not retired and tier = '11-12' order by position`)).rows.map((r) => r.id),
    );
    const returning = Array.from({ length: Math.max(connections * 4, scale.quick ? 200 : 2000) }, (_, i) => `bench-lms-user-${i}`);
    const existing = await withClient(
      url,
      async (c) => (await c.query(`select count(*)::int as n from lti_identities where sub like 'bench-lms-user-%'`)).rows[0].n,
    );
    let newUsers = 0;
    const run = `${Date.now().toString(36)}`;
    // The first pass through the pool (in the warm-up and beyond) creates the accounts; later ones return.
    const flow = (i) => {
      const fresh = i >= returning.length && Math.random() < NEW_USER_SHARE;
      if (fresh) newUsers++;
      const sub = fresh ? `bench-new-${run}-${i}` : returning[i % returning.length];
      return launchOnce(baseUrl, platform, { sub, moduleId: moduleIds[i % moduleIds.length] });
    };
    // Every returning account exists before the measured run (one pass, 50 at a time, unless an earlier scenario made them).
    let next = existing >= returning.length ? returning.length : 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < returning.length) await flow(next++);
      }),
    );
    const fetchesBefore = platform.jwksFetches;
    newUsers = 0;
    let seq = returning.length;
    const result = await runFlowLoad({
      id: `lti-launch${suffix}`,
      name: `LTI launch (login → auth → launch → session) @${connections}${suffix}`,
      flow: () => flow(seq++),
      connections,
      duration: scale.duration,
      warmup: scale.warmup,
      serverPids,
      quietWaitMs: scale.quietWaitMs,
    });
    // CPU per completed launch (cpu.* are % of one core): what bounds launches/s on this machine.
    const perLaunch = (pct) => (result.rps > 0 && pct !== undefined ? Math.round((pct * 10) / result.rps) : null);
    result.cpuMsPerLaunch = { server: perLaunch(result.cpu?.server), postgres: perLaunch(result.cpu?.postgres), loadgen: perLaunch(result.cpu?.loadgen) };
    result.launches = {
      completed: Math.round(result.rps * result.duration),
      newUsers,
      returningPool: returning.length,
      jwksFetchesDuringRun: platform.jwksFetches - fetchesBefore,
    };
    log(result);
    return result;
  } finally {
    await platform.stop();
  }
}
