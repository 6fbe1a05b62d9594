// Signing bench users in over HTTP, the way a browser does with next-auth's credentials provider.
import { BENCH_PASSWORD } from './options.mjs';

function cookiesOf(res) {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => !c.endsWith('='));
}

/** GET /api/auth/csrf, then POST /api/auth/callback/credentials; returns the Cookie header of the session. */
export async function signIn(baseUrl, email, password = BENCH_PASSWORD) {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrfRes).join('; ') },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/` }),
  });
  const session = cookiesOf(res).filter((c) => c.includes('session-token'));
  if (session.length === 0) throw new Error(`sign-in of ${email} failed: ${res.status} ${res.headers.get('location') ?? ''}`);
  return session.join('; ');
}

/** Signs in every email with `concurrency` parallel sign-ins; returns the cookies in the same order. */
export async function signInMany(baseUrl, emails, concurrency = 8) {
  const cookies = new Array(emails.length);
  let next = 0;
  const worker = async () => {
    while (next < emails.length) {
      const i = next++;
      cookies[i] = await signIn(baseUrl, emails[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, emails.length) }, worker));
  return cookies;
}
