import 'server-only';
import type { SchoolRole } from '@/db/vocabulary';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { invites, memberships, schools, users, type LocalizedText } from '@/db/schema';
import { recordAudit, type Actor } from './audit';
import { queueMail, type OutgoingMail } from './mail-outbox';

export type NewInvite = { email: string; role: SchoolRole; tiers: string[]; tokenHash: string; expiresAt: Date };

/** The invite, its audit entry and its mail (when given) are one transaction. */
export async function createInvite(actor: Actor & { schoolId: string }, invite: NewInvite, mail?: Omit<OutgoingMail, 'schoolId' | 'recipient'>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(invites).values({ ...invite, schoolId: actor.schoolId, createdBy: actor.actorId }).returning({ id: invites.id });
    await recordAudit(tx, actor, 'invite.created', { email: invite.email, role: invite.role, tiers: invite.tiers });
    if (mail) await queueMail(tx, { ...mail, schoolId: actor.schoolId, recipient: invite.email });
    return row!.id;
  });
}

export async function listInvites(schoolId: string) {
  const db = await getDb();
  return db
    .select({
      id: invites.id,
      email: invites.email,
      role: invites.role,
      tiers: invites.tiers,
      expiresAt: invites.expiresAt,
      acceptedAt: invites.acceptedAt,
      revokedAt: invites.revokedAt,
      createdAt: invites.createdAt,
    })
    .from(invites)
    .where(eq(invites.schoolId, schoolId))
    .orderBy(desc(invites.createdAt))
    .limit(100);
}

export async function revokeInvite(actor: Actor & { schoolId: string }, inviteId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const done = await tx
      .update(invites)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(invites.id, inviteId), eq(invites.schoolId, actor.schoolId), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
      .returning({ email: invites.email });
    if (done.length === 0) return false;
    await recordAudit(tx, actor, 'invite.revoked', { email: done[0]!.email });
    return true;
  });
}

/** A usable invite: not accepted, not revoked, not expired. */
export async function getOpenInvite(tokenHash: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: invites.id, email: invites.email, role: invites.role, schoolName: schools.name })
    .from(invites)
    .innerJoin(schools, eq(schools.id, invites.schoolId))
    .where(and(eq(invites.tokenHash, tokenHash), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, sql`now()`)));
  return row;
}

export type AccountResult = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'exists' };

/** Uses the invite once: the user, their membership and the acceptance are one transaction. */
export async function acceptInvite(tokenHash: string, account: { name: string; passwordHash: string; locale: string | null }): Promise<AccountResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [invite] = await tx
      .select()
      .from(invites)
      .where(and(eq(invites.tokenHash, tokenHash), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, sql`now()`)))
      .for('update');
    if (!invite) return { ok: false, reason: 'invalid' } as const;
    const [user] = await tx
      .insert(users)
      .values({ email: invite.email, name: account.name, passwordHash: account.passwordHash, locale: account.locale })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) return { ok: false, reason: 'exists' } as const;
    await tx.insert(memberships).values({ userId: user.id, schoolId: invite.schoolId, role: invite.role, tiers: invite.tiers });
    await tx.update(invites).set({ acceptedAt: sql`now()` }).where(eq(invites.id, invite.id));
    await recordAudit(tx, { actorId: user.id, schoolId: invite.schoolId }, 'invite.accepted', { email: invite.email, role: invite.role });
    return { ok: true, userId: user.id } as const;
  });
}

/**
 * A join code makes an unconfirmed account: `onJoined` queues its confirmation link in the same
 * transaction, so an account never exists without the mail that unlocks it.
 */
export async function joinWithCode(
  joinCode: string,
  account: { email: string; name: string; passwordHash: string; tiers: string[]; locale: string | null },
  onJoined: (tx: Tx, joined: { userId: string; schoolId: string; schoolName: LocalizedText }) => Promise<void>,
): Promise<AccountResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [school] = await tx.select({ id: schools.id, name: schools.name }).from(schools).where(eq(schools.joinCode, joinCode));
    if (!school) return { ok: false, reason: 'invalid' } as const;
    const [user] = await tx
      .insert(users)
      .values({ email: account.email, name: account.name, passwordHash: account.passwordHash, locale: account.locale, emailConfirmed: false })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) return { ok: false, reason: 'exists' } as const;
    await tx.insert(memberships).values({ userId: user.id, schoolId: school.id, role: 'teacher', tiers: account.tiers });
    await recordAudit(tx, { actorId: user.id, schoolId: school.id }, 'member.joined_with_code', { email: account.email });
    await onJoined(tx, { userId: user.id, schoolId: school.id, schoolName: school.name });
    return { ok: true, userId: user.id } as const;
  });
}
