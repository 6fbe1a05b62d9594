import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { takeTicket } from '@/db/queries/lti';
import { hashTicket } from '@/lib/lti/server/launch-flow';
import { checkPassword } from '@/lib/auth/credentials';
import { clientAddress } from '@/lib/server/client-address';

class RateLimited extends CredentialsSignin {
  code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

const CredentialsSchema = z.object({ email: z.string().trim().email().max(254), password: z.string().min(1).max(200) });

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/signin' },
  // Inside an LMS iframe only SameSite=None cookies survive; that needs https (PUBLIC_URL).
  ...(process.env.PUBLIC_URL?.startsWith('https://')
    ? { cookies: { sessionToken: { name: '__Secure-authjs.session-token', options: { httpOnly: true, sameSite: 'none' as const, secure: true, path: '/', partitioned: true } } } }
    : {}),
  providers: [
    // A verified LTI launch leaves a one-time ticket; trading it here creates the session.
    Credentials({
      id: 'lti-ticket',
      credentials: { ticket: {} },
      async authorize(raw) {
        const ticket = typeof raw?.ticket === 'string' && raw.ticket.length < 100 ? raw.ticket : null;
        const row = ticket ? await takeTicket(hashTicket(ticket)) : null;
        return row ? { id: row.userId } : null;
      },
    }),
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = CredentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await checkPassword(parsed.data.email, parsed.data.password, clientAddress(request.headers));
        if (result.status === 'rate_limited') throw new RateLimited(result.retryAfterSeconds);
        return result.status === 'ok' ? { id: result.userId } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === 'string') session.user.id = token.uid;
      return session;
    },
  },
}));
