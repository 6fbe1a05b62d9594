import { randomBytes } from 'node:crypto';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { takeTicket } from '@/db/queries/lti-tickets';
import { createSession, endSession, getDefaultSchoolId, getSession } from '@/db/queries/sessions';
import { hashTicket } from '@/lib/lti/server/launch-flow';
import { launchBindingOf } from '@/lib/lti/server/launch-binding';
import { checkPassword } from '@/lib/auth/credentials';
import { clientAddress } from '@/lib/server/client-address';
import { logAuthError } from '@/lib/auth/log';
import { env } from '@/env';

class RateLimited extends CredentialsSignin {
  code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

class Unconfirmed extends CredentialsSignin {
  code = 'unconfirmed';
}

const CredentialsSchema = z.object({ email: z.string().trim().email().max(254), password: z.string().min(1).max(200) });

const SESSION_SECONDS = 12 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  trustHost: true,
  secret: env().AUTH_SECRET,
  // The signed cookie names a server-side session row (user_sessions): ending the row ends the session at once.
  session: { strategy: 'jwt', maxAge: SESSION_SECONDS },
  pages: { signIn: '/signin' },
  logger: { error: (error) => logAuthError(error) },
  // Inside an LMS iframe only SameSite=None cookies survive; that needs https (PUBLIC_URL).
  ...(env().PUBLIC_URL?.startsWith('https://')
    ? {
        cookies: {
          sessionToken: {
            name: '__Secure-authjs.session-token',
            options: { httpOnly: true, sameSite: 'none' as const, secure: true, path: '/', partitioned: true },
          },
        },
      }
    : {}),
  providers: [
    // A verified LTI launch leaves a one-time ticket; trading it here creates the session.
    Credentials({
      id: 'lti-ticket',
      credentials: { ticket: {} },
      async authorize(raw, request) {
        const ticket = typeof raw?.ticket === 'string' && raw.ticket.length < 100 ? raw.ticket : null;
        // Only the browser that made the launch holds the binding cookie the ticket was issued to.
        const binding = launchBindingOf(request);
        const row = ticket && binding ? await takeTicket(hashTicket(ticket), hashTicket(binding)) : null;
        return row ? { id: row.userId, schoolId: row.schoolId } : null;
      },
    }),
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = CredentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await checkPassword(parsed.data.email, parsed.data.password, clientAddress(request.headers));
        if (result.status === 'rate_limited') throw new RateLimited(result.retryAfterSeconds);
        if (result.status !== 'ok') return null;
        // Told only to someone who knows the password: a join-code account waits for its confirmation link.
        if (!result.emailConfirmed) throw new Unconfirmed();
        return { id: result.userId, schoolId: await getDefaultSchoolId(result.userId) };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        const sid = randomBytes(32).toString('base64url');
        await createSession(sid, user.id, user.schoolId ?? null, SESSION_SECONDS);
        return { ...token, uid: user.id, sid, school: user.schoolId ?? null };
      }
      // Every use re-reads the session row: a signed-out, deactivated or expired session is gone.
      const live = typeof token.sid === 'string' ? await getSession(token.sid) : undefined;
      return live && live.userId === token.uid ? { ...token, school: live.schoolId } : null;
    },
    session({ session, token }) {
      if (typeof token.uid === 'string') session.user.id = token.uid;
      session.schoolId = typeof token.school === 'string' ? token.school : null;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await endSession(sid);
    },
  },
}));
