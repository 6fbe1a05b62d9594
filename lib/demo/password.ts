import 'server-only';
import { endUserSessions } from '@/db/queries/sessions';
import { setPasswordHashByEmail } from '@/db/queries/users';
import type { DbKind } from '@/db/client';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_OPERATOR, DEMO_PEOPLE } from './seed';

export const DEMO_PASSWORD_MIN = 8;
export const DEMO_PASSWORD_MAX = 128;

export class DemoPasswordError extends Error {}

export const DEMO_EMAILS = [...DEMO_PEOPLE.map((p) => p.email), DEMO_OPERATOR.email];

/**
 * Sets a new password on the demo accounts, for a newcomer who missed the one printed at the
 * first start. Only on the embedded database: PostgreSQL holds real schools, never demo accounts
 * to reset. Their open sessions end, as after any password change.
 */
export async function setDemoPassword(kind: DbKind, password: unknown) {
  if (kind !== 'pglite') throw new DemoPasswordError('Demo accounts exist only in the embedded database; on PostgreSQL nothing is changed.');
  if (typeof password !== 'string' || password.length < DEMO_PASSWORD_MIN || password.length > DEMO_PASSWORD_MAX || password.trim() !== password) {
    throw new DemoPasswordError(`Give a password of ${DEMO_PASSWORD_MIN} to ${DEMO_PASSWORD_MAX} characters, without spaces at either end.`);
  }
  const changed = await setPasswordHashByEmail(DEMO_EMAILS, await hashPassword(password));
  if (changed.length === 0) throw new DemoPasswordError('There are no demo accounts to change: run npm run db:seed first.');
  for (const user of changed) await endUserSessions(user.id);
  return changed.flatMap((u) => (u.email ? [u.email] : [])).sort();
}
