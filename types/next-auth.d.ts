import 'next-auth';
import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: { id: string } & DefaultSession['user'];
    /** The one school this session works in (null for platform operators). */
    schoolId: string | null;
  }
  interface User {
    schoolId?: string | null;
  }
}
