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
    const [row] = await tx
      .insert(invites)
      .values({ ...invite, schoolId: actor.schoolId, createdBy: actor.actorId })
      .returning({ id: invites.id });
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

/** Whether the person at the form knows the password stored for the address (null: no account); it always takes as long. */
export type ProvesOwner = (storedPasswordHash: string | null) => Promise<boolean>;

type Existing = { id: string; proven: boolean } | null;

/** Looks the address up and asks for the proof outside any transaction: a password check is slow, and PGlite has one connection. */
async function existingAccount(email: string, provesOwner: ProvesOwner): Promise<Existing> {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  const proven = await provesOwner(row?.passwordHash ?? null);
  return row ? { id: row.id, proven } : null;
}

/**
 * The account an invite or a join code is for: a new one, or an existing one whose owner proved
 * it with its password (a teacher in a second school). Anyone else gets null and nothing
 * changes; callers answer both the same, so the forms never tell whether an address has an account.
 */
async function accountFor(
  tx: Tx,
  account: { email: string; name: string; passwordHash: string; locale: string | null; emailConfirmed?: boolean },
  existing: Existing,
) {
  if (existing) return existing.proven ? existing.id : null;
  const [user] = await tx
    .insert(users)
    .values({
      email: account.email,
      name: account.name,
      passwordHash: account.passwordHash,
      locale: account.locale,
      emailConfirmed: account.emailConfirmed ?? true,
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  return user?.id ?? null;
}

/** Uses the invite once: the user, their membership and the acceptance are one transaction. */
export async function acceptInvite(
  tokenHash: string,
  account: { name: string; passwordHash: string; locale: string | null },
  provesOwner: ProvesOwner = async () => false,
): Promise<AccountResult> {
  const open = await getOpenInvite(tokenHash);
  if (!open) return { ok: false, reason: 'invalid' };
  const existing = await existingAccount(open.email, provesOwner);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [invite] = await tx
      .select()
      .from(invites)
      .where(and(eq(invites.tokenHash, tokenHash), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, sql`now()`)))
      .for('update');
    if (!invite) return { ok: false, reason: 'invalid' } as const;
    const userId = await accountFor(tx, { ...account, email: invite.email }, existing);
    if (!userId) return { ok: false, reason: 'exists' } as const;
    await tx.insert(memberships).values({ userId, schoolId: invite.schoolId, role: invite.role, tiers: invite.tiers }).onConflictDoNothing();
    await tx
      .update(invites)
      .set({ acceptedAt: sql`now()` })
      .where(eq(invites.id, invite.id));
    await recordAudit(tx, { actorId: userId, schoolId: invite.schoolId }, 'invite.accepted', { email: invite.email, role: invite.role });
    return { ok: true, userId } as const;
  });
}

/**
 * A join code makes an unconfirmed account: `onJoined` queues its confirmation link in the same
 * transaction, so an account never exists without the mail that unlocks it.
 */
export async function joinWithCode(
  joinCode: string,
  account: { email: string; name: string; passwordHash: string; tiers: string[]; locale: string | null },
  provesOwner: ProvesOwner = async () => false,
  onCreated: (tx: Tx, joined: { userId: string; schoolId: string; schoolName: LocalizedText }) => Promise<void> = async () => {},
): Promise<AccountResult> {
  const existing = await existingAccount(account.email, provesOwner);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [school] = await tx.select({ id: schools.id, name: schools.name }).from(schools).where(eq(schools.joinCode, joinCode));
    if (!school) return { ok: false, reason: 'invalid' } as const;
    const userId = await accountFor(tx, { ...account, emailConfirmed: false }, existing);
    if (!userId) return { ok: false, reason: 'exists' } as const;
    const [joined] = await tx
      .insert(memberships)
      .values({ userId, schoolId: school.id, role: 'teacher', tiers: account.tiers })
      .onConflictDoNothing()
      .returning({ userId: memberships.userId });
    if (joined) await recordAudit(tx, { actorId: userId, schoolId: school.id }, 'member.joined_with_code', { email: account.email });
    // A new account is usable once the link in its confirmation mail is opened (queued in this transaction).
    if (!existing) await onCreated(tx, { userId, schoolId: school.id, schoolName: school.name });
    return { ok: true, userId } as const;
  });
}
