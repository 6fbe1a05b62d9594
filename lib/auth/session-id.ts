import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { env } from '@/env';

const COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];

/**
 * The server-side session row this request signed in with (the `sid` inside the encrypted
 * session cookie), so a password change can end every other session but this one. Read here
 * rather than exposed on the session object, which the browser can fetch.
 */
export async function currentSessionId(): Promise<string | null> {
  const jar = await cookies();
  const secret = env().AUTH_SECRET;
  if (!secret) return null;
  for (const name of COOKIES) {
    const value = jar.get(name)?.value;
    if (!value) continue;
    try {
      const token = await decode({ token: value, secret, salt: name });
      if (typeof token?.sid === 'string') return token.sid;
    } catch {
      // A stale or foreign cookie: no session to keep.
    }
  }
  return null;
}
