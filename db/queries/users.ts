import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { memberships, schools, users } from '@/db/schema';
import type { Locale, SchoolRole } from '@/db/vocabulary';

export async function getUserForSignIn(email: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, locale: users.locale, isOperator: users.isOperator, emailConfirmed: users.emailConfirmed })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return row;
}

/**
 * The signed-in user with their active membership in the session's school: the scope of
 * everything they may see. A user of two schools works in one explicit school per session.
 */
export async function getUserContext(userId: string, schoolId: string | null) {
  if (!schoolId) return undefined;
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      schoolId: memberships.schoolId,
      schoolSlug: schools.slug,
      schoolName: schools.name,
      role: memberships.role,
      tiers: memberships.tiers,
    })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.schoolId, schoolId), eq(memberships.active, true)))
    .innerJoin(schools, eq(schools.id, memberships.schoolId))
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

export async function recordUserLocale(userId: string, locale: Locale) {
  const db = await getDb();
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export type NewMember = {
  email: string;
  name: string;
  passwordHash: string | null;
  locale: Locale | null;
  role: SchoolRole;
  tiers: string[];
};

/** Creates the user and their membership, or leaves an existing user as is (seeding is idempotent). */
export async function createMemberIfAbsent(schoolId: string, m: NewMember) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email: m.email, name: m.name, passwordHash: m.passwordHash, locale: m.locale })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!created) return false;
    await tx.insert(memberships).values({ userId: created.id, schoolId, role: m.role, tiers: m.tiers });
    return true;
  });
}

export async function createOperatorIfAbsent(email: string, name: string, passwordHash: string) {
  const db = await getDb();
  const created = await db.insert(users).values({ email, name, passwordHash, isOperator: true }).onConflictDoNothing().returning({ id: users.id });
  return created.length > 0;
}

/** Sets one password hash on the named accounts (the demo accounts); returns the emails changed. */
export async function setPasswordHashByEmail(emails: readonly string[], passwordHash: string) {
  const db = await getDb();
  const rows = await db
    .update(users)
    .set({ passwordHash })
    .where(
      inArray(
        sql`lower(${users.email})`,
        emails.map((e) => e.toLowerCase()),
      ),
    )
    .returning({ id: users.id, email: users.email });
  return rows;
}
