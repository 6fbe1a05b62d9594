export type BrowserLaunchResult = {
  /** The step the flow stopped at: a login or auth step that did not redirect, or the launch itself. */
  stage: 'login' | 'authorize' | 'launch';
  status: number;
  location: string | null;
  body: string;
  cookies: Map<string, string>;
  idToken?: string;
  state?: string;
};

function keepCookies(jar: Map<string, string>, response: Response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq < 1) continue;
    const name = pair.slice(0, eq).trim();
    const expired = attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a));
    if (expired) jar.delete(name);
    else jar.set(name, decodeURIComponent(pair.slice(eq + 1).trim()));
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([n, v]) => `${n}=${encodeURIComponent(v)}`).join('; ');

/**
 * The browser's part of a launch, over real HTTP: send the login initiation to the tool, follow
 * its redirect to the platform's auth endpoint, and POST the id_token and state back to the
 * tool's redirect URI with the cookies the tool set. For end-to-end tests and benchmarks.
 */
export async function browserLaunch(loginUrl: string, params: Record<string, string>, method: 'GET' | 'POST'): Promise<BrowserLaunchResult> {
  const jar = new Map<string, string>();
  const form = new URLSearchParams(params);
  const login =
    method === 'GET'
      ? await fetch(`${loginUrl}${loginUrl.includes('?') ? '&' : '?'}${form}`, { redirect: 'manual' })
      : await fetch(loginUrl, { method: 'POST', body: form, redirect: 'manual' });
  keepCookies(jar, login);
  const authUrl = login.headers.get('location');
  if (login.status < 300 || login.status > 399 || !authUrl) {
    return { stage: 'login', status: login.status, location: authUrl, body: await login.text(), cookies: jar };
  }
  await login.body?.cancel();

  const auth = await fetch(new URL(authUrl, loginUrl), { headers: { accept: 'application/json' } });
  if (!auth.ok) return { stage: 'authorize', status: auth.status, location: null, body: await auth.text(), cookies: jar };
  const answer = (await auth.json()) as { action: string; id_token: string; state: string };

  const launch = await fetch(answer.action, {
    method: 'POST',
    headers: { cookie: cookieHeader(jar) },
    body: new URLSearchParams({ id_token: answer.id_token, state: answer.state }),
    redirect: 'manual',
  });
  keepCookies(jar, launch);
  return {
    stage: 'launch',
    status: launch.status,
    location: launch.headers.get('location'),
    body: await launch.text(),
    cookies: jar,
    idToken: answer.id_token,
    state: answer.state,
  };
}
