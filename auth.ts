import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { takeTicket } from '@/db/queries/lti';
import { getUserForSignIn } from '@/db/queries/users';
import { hashTicket } from '@/lib/lti/server/launch-flow';
import { verifyPassword } from '@/lib/auth/password';
import { isSignInThrottled, noteSignInFailure, noteSignInSuccess } from '@/lib/auth/throttle';

class RateLimited extends CredentialsSignin {
  code = 'rate_limited';
}

const CredentialsSchema = z.object({ email: z.string().trim().email().max(254), password: z.string().min(1).max(200) });

function clientAddress(request: Request) {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || null;
}

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
        const { email, password } = parsed.data;
        const ip = clientAddress(request);
        if (await isSignInThrottled(email, ip)) throw new RateLimited();
        const user = await getUserForSignIn(email);
        // Compare against a dummy hash for unknown users so timing does not reveal who has an account.
        const ok = await verifyPassword(password, user?.passwordHash ?? '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.qOZ7c9Tq9u1Y7F3m9hJ3dZ8m0w6e');
        if (!user || !user.passwordHash || !ok) {
          await noteSignInFailure(email, ip);
          return null;
        }
        await noteSignInSuccess(email);
        return { id: user.id };
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
