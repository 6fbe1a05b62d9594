import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { memberships, users } from '@/db/schema';
import type { Locale } from '@/db/vocabulary';

/** Who a mail to this address would go to: the account, its language and its oldest active school. */
export async function getMailRecipient(email: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, isOperator: users.isOperator })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email.trim().toLowerCase()), sql`${users.passwordHash} is not null`))
    .limit(1);
  if (!row?.email) return undefined;
  const [member] = await db
    .select({ schoolId: memberships.schoolId })
    .from(memberships)
    .where(and(eq(memberships.userId, row.id), eq(memberships.active, true)))
    .orderBy(asc(memberships.createdAt), asc(memberships.schoolId))
    .limit(1);
  return { ...row, email: row.email, schoolId: member?.schoolId ?? null };
}

/** A member of one school with the role given, or undefined: the scope of an admin's or operator's reset link. */
export async function getSchoolMember(schoolId: string, userId: string, role: 'teacher' | 'school_admin') {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.schoolId, schoolId), eq(memberships.role, role), eq(memberships.active, true)))
    .where(eq(users.id, userId));
  return row?.email ? { ...row, email: row.email } : undefined;
}

export async function getAccount(userId: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      notifyOptional: users.notifyOptional,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

export async function recordAccountSettings(userId: string, s: { name: string; locale: Locale; notifyOptional: boolean }) {
  const db = await getDb();
  await db.update(users).set(s).where(eq(users.id, userId));
}
