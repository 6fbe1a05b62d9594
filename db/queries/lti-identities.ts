import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { ltiIdentities, memberships, users } from '@/db/schema';
import type { SchoolRole } from '@/db/vocabulary';

/** The user of (registration, sub), locked for the rest of the transaction. */
export async function lockIdentityUser(tx: Tx, registrationId: string, sub: string) {
  const [row] = await tx
    .select({ userId: ltiIdentities.userId })
    .from(ltiIdentities)
    .where(and(eq(ltiIdentities.registrationId, registrationId), eq(ltiIdentities.sub, sub)))
    .for('update');
  return row?.userId;
}

export async function isEmailTaken(tx: Tx, email: string) {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return !!row;
}

export async function insertLtiUser(tx: Tx, registrationId: string, sub: string, u: { name: string; email: string | null; locale: string | null }) {
  const [row] = await tx.insert(users).values(u).returning({ id: users.id });
  await tx.insert(ltiIdentities).values({ registrationId, sub, userId: row!.id });
  return row!.id;
}

export async function renameUser(tx: Tx, userId: string, name: string) {
  await tx.update(users).set({ name }).where(eq(users.id, userId));
}

/** Adds the membership with this role, or adds the tier to an existing one (whose role stays). */
export async function addMembershipTier(tx: Tx, userId: string, schoolId: string, role: SchoolRole, tier: string | null) {
  await tx
    .insert(memberships)
    .values({ userId, schoolId, role, tiers: tier ? [tier] : [] })
    .onConflictDoUpdate({
      target: [memberships.userId, memberships.schoolId],
      set: {
        tiers: tier
          ? sql`case when ${tier} = any(${memberships.tiers}) then ${memberships.tiers} else array_append(${memberships.tiers}, ${tier}) end`
          : sql`${memberships.tiers}`,
      },
    });
}
