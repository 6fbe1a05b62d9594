import 'server-only';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  gradeOutbox,
  ltiBindLinks,
  ltiDeployments,
  ltiGradeTargets,
  ltiIdentities,
  ltiLoginState,
  ltiNonceUsed,
  ltiRegistrations,
  ltiTickets,
  ltiToolKeys,
  memberships,
  quizAttempts,
  users,
} from '@/db/schema';
import type { LoginState } from '@/lib/lti/stores';
import type { Registration } from '@/lib/lti/types';
import { recordAudit, type Actor } from './audit';

type RegistrationRow = typeof ltiRegistrations.$inferSelect;

async function withDeployments(rows: RegistrationRow[]) {
  if (rows.length === 0) return [];
  const db = await getDb();
  // Only these registrations' deployments: this runs on every launch.
  const deps = await db.select().from(ltiDeployments).where(inArray(ltiDeployments.registrationId, rows.map((r) => r.id)));
  return rows.map((r) => ({
    ...r,
    deploymentIds: deps.filter((d) => d.registrationId === r.id).map((d) => d.deploymentId),
  }));
}

export type StoredRegistration = Awaited<ReturnType<typeof withDeployments>>[number];

export function toRegistration(r: StoredRegistration): Registration {
  return {
    issuer: r.issuer,
    clientId: r.clientId,
    authUrl: r.authUrl,
    tokenUrl: r.tokenUrl,
    jwksUrl: r.jwksUrl,
    deploymentIds: r.deploymentIds,
    ...(r.roleMapping ? { roleMapping: r.roleMapping } : {}),
  };
}

// Only a registration bound to a school and activated by its admin (or an operator) may launch or frame the app.
const isActive = and(isNotNull(ltiRegistrations.schoolId), isNotNull(ltiRegistrations.activatedAt));

export async function findActiveRegistration(issuer: string, clientId: string) {
  const db = await getDb();
  const rows = await db.select().from(ltiRegistrations).where(and(eq(ltiRegistrations.issuer, issuer), eq(ltiRegistrations.clientId, clientId), isActive));
  return (await withDeployments(rows))[0];
}

export async function listActiveRegistrationsByIssuer(issuer: string) {
  const db = await getDb();
  return withDeployments(await db.select().from(ltiRegistrations).where(and(eq(ltiRegistrations.issuer, issuer), isActive)));
}

/** The origins of every active registration: the only sites allowed to frame the app. */
export async function listActiveRegistrationUrls() {
  const db = await getDb();
  return db.select({ issuer: ltiRegistrations.issuer, authUrl: ltiRegistrations.authUrl }).from(ltiRegistrations).where(isActive);
}

export async function listSchoolRegistrations(schoolId: string) {
  const db = await getDb();
  return withDeployments(await db.select().from(ltiRegistrations).where(eq(ltiRegistrations.schoolId, schoolId)).orderBy(asc(ltiRegistrations.createdAt)));
}

/** Every registration, pending ones included: the operator's command line only. */
export async function listAllRegistrations() {
  const db = await getDb();
  return withDeployments(await db.select().from(ltiRegistrations).orderBy(asc(ltiRegistrations.createdAt)));
}

export type NewRegistration = Omit<Registration, 'tokenAudience' | 'roleMapping'> & { schoolId: string | null };
export type RegistrationSaved = { ok: true; id: string } | { ok: false; reason: 'other_school' | 'exists' | 'link_used' };

/**
 * Adds a platform, or updates one already registered for the same school. A registration with
 * a school is active at once (its admin made it, by hand or through their single-use link,
 * consumed here in the same transaction); one without (an anonymous dynamic registration) waits
 * unbound and inactive, and can never change a registration that exists.
 */
export async function recordRegistration(actor: Actor, r: NewRegistration, bindLinkHash?: string): Promise<RegistrationSaved> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (bindLinkHash) {
      const used = await tx
        .update(ltiBindLinks)
        .set({ usedAt: sql`now()` })
        .where(and(eq(ltiBindLinks.tokenHash, bindLinkHash), isNull(ltiBindLinks.usedAt), gt(ltiBindLinks.expiresAt, sql`now()`), r.schoolId ? eq(ltiBindLinks.schoolId, r.schoolId) : sql`false`))
        .returning({ schoolId: ltiBindLinks.schoolId });
      if (used.length === 0) return { ok: false, reason: 'link_used' } as const;
    }
    const [existing] = await tx
      .select()
      .from(ltiRegistrations)
      .where(and(eq(ltiRegistrations.issuer, r.issuer), eq(ltiRegistrations.clientId, r.clientId)))
      .for('update');
    if (existing && !r.schoolId) return { ok: false, reason: 'exists' } as const;
    if (existing?.schoolId && existing.schoolId !== r.schoolId) return { ok: false, reason: 'other_school' } as const;
    let id = existing?.id;
    const activatedAt = r.schoolId ? sql`coalesce(${ltiRegistrations.activatedAt}, now())` : null;
    if (existing) {
      await tx
        .update(ltiRegistrations)
        .set({ authUrl: r.authUrl, tokenUrl: r.tokenUrl, jwksUrl: r.jwksUrl, schoolId: r.schoolId, activatedAt })
        .where(eq(ltiRegistrations.id, existing.id));
    } else {
      const [row] = await tx
        .insert(ltiRegistrations)
        .values({ issuer: r.issuer, clientId: r.clientId, authUrl: r.authUrl, tokenUrl: r.tokenUrl, jwksUrl: r.jwksUrl, schoolId: r.schoolId, activatedAt: r.schoolId ? sql`now()` : null })
        .returning({ id: ltiRegistrations.id });
      id = row!.id;
    }
    for (const deploymentId of r.deploymentIds) {
      await tx.insert(ltiDeployments).values({ registrationId: id!, deploymentId }).onConflictDoNothing();
    }
    await recordAudit(tx, { ...actor, schoolId: r.schoolId ?? actor.schoolId }, r.schoolId ? 'lti.platform_registered' : 'lti.platform_pending', { issuer: r.issuer, clientId: r.clientId, deployments: r.deploymentIds });
    return { ok: true, id: id! } as const;
  });
}

/** An operator binds a pending (anonymous) registration to a school and activates it. */
export async function activateRegistration(actor: Actor, id: string, schoolId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const done = await tx
      .update(ltiRegistrations)
      .set({ schoolId, activatedAt: sql`now()` })
      .where(and(eq(ltiRegistrations.id, id), isNull(ltiRegistrations.schoolId)))
      .returning({ issuer: ltiRegistrations.issuer, clientId: ltiRegistrations.clientId });
    if (done.length === 0) return false;
    await recordAudit(tx, { ...actor, schoolId }, 'lti.platform_activated', { issuer: done[0]!.issuer, clientId: done[0]!.clientId });
    return true;
  });
}

export async function recordBindLink(tokenHash: string, schoolId: string, createdBy: string | null, ttlHours: number) {
  const db = await getDb();
  await db.insert(ltiBindLinks).values({ tokenHash, schoolId, createdBy, expiresAt: sql`now() + make_interval(hours => ${ttlHours})` });
}

/** The school of an unused, unexpired link (it is consumed only when the registration is saved). */
export async function getBindLinkSchool(tokenHash: string) {
  const db = await getDb();
  const [row] = await db
    .select({ schoolId: ltiBindLinks.schoolId })
    .from(ltiBindLinks)
    .where(and(eq(ltiBindLinks.tokenHash, tokenHash), isNull(ltiBindLinks.usedAt), gt(ltiBindLinks.expiresAt, sql`now()`)));
  return row?.schoolId ?? null;
}

export type RegistrationScope = { schoolId: string } | { operator: true };

/** Removes a registration; a school admin only their own school's, an operator any. */
export async function removeRegistration(actor: Actor, id: string, scope: RegistrationScope) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(ltiRegistrations)
      .where(and(eq(ltiRegistrations.id, id), 'schoolId' in scope ? eq(ltiRegistrations.schoolId, scope.schoolId) : undefined))
      .returning({ issuer: ltiRegistrations.issuer, clientId: ltiRegistrations.clientId, schoolId: ltiRegistrations.schoolId });
    if (gone.length === 0) return false;
    await recordAudit(tx, { ...actor, schoolId: gone[0]!.schoolId }, 'lti.platform_removed', { issuer: gone[0]!.issuer, clientId: gone[0]!.clientId });
    return true;
  });
}

export const loginStateStore = {
  async save(login: LoginState) {
    const db = await getDb();
    await db.insert(ltiLoginState).values(login);
    // Expired logins are garbage: clear them as we go.
    await db.delete(ltiLoginState).where(lte(ltiLoginState.expiresAt, sql`now() - interval '1 hour'`));
  },
  async take(state: string) {
    const db = await getDb();
    const [row] = await db.delete(ltiLoginState).where(eq(ltiLoginState.state, state)).returning();
    return row ?? null;
  },
};

export const nonceStore = {
  async markUsed(nonce: string, expiresAt: Date) {
    const db = await getDb();
    await db.delete(ltiNonceUsed).where(and(eq(ltiNonceUsed.nonce, nonce), lte(ltiNonceUsed.expiresAt, sql`now()`)));
    const inserted = await db.insert(ltiNonceUsed).values({ nonce, expiresAt }).onConflictDoNothing().returning({ nonce: ltiNonceUsed.nonce });
    return inserted.length === 1;
  },
};

export async function listToolKeys() {
  const db = await getDb();
  return db.select().from(ltiToolKeys).orderBy(asc(ltiToolKeys.createdAt));
}

export async function recordToolKey(key: { kid: string; privateJwk: Record<string, unknown>; publicJwk: Record<string, unknown> }) {
  const db = await getDb();
  await db.insert(ltiToolKeys).values(key).onConflictDoNothing();
}

/** Retires every key but the newest; retired keys stay published for a grace period (see lib/lti/tool-keys). */
export async function retireOlderToolKeys(currentKid: string) {
  const db = await getDb();
  await db.update(ltiToolKeys).set({ retiredAt: sql`now()` }).where(and(isNull(ltiToolKeys.retiredAt), sql`${ltiToolKeys.kid} <> ${currentKid}`));
}

export type LtiUser = { sub: string; name: string; email: string | null; locale: string | null };

/**
 * Finds or creates the user of (registration, sub) and their membership in the registration's
 * own school. Identities never match across registrations, so nothing a platform asserts can
 * reach a user of another school. A new membership gets the launch's role; an existing one
 * keeps the role the school set and gains the launched tier.
 */
export async function upsertLtiUser(registration: { id: string; schoolId: string }, u: LtiUser, role: 'teacher' | 'school_admin', tier: string | null) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const identity = and(eq(ltiIdentities.registrationId, registration.id), eq(ltiIdentities.sub, u.sub));
    let [row] = await tx.select({ id: ltiIdentities.userId }).from(ltiIdentities).where(identity).for('update');
    if (!row) {
      // An email another account already uses is not taken over: that user keeps it.
      const [taken] = u.email ? await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, u.email.toLowerCase())) : [];
      [row] = await tx
        .insert(users)
        .values({ name: u.name, email: taken ? null : u.email, locale: u.locale })
        .returning({ id: users.id });
      await tx.insert(ltiIdentities).values({ registrationId: registration.id, sub: u.sub, userId: row!.id });
    } else {
      await tx.update(users).set({ name: u.name }).where(eq(users.id, row.id));
    }
    // Launching a module of a tier means teaching that tier: add it to the tiers the school set.
    await tx
      .insert(memberships)
      .values({ userId: row!.id, schoolId: registration.schoolId, role, tiers: tier ? [tier] : [] })
      .onConflictDoUpdate({
        target: [memberships.userId, memberships.schoolId],
        set: {
          tiers: tier ? sql`case when ${tier} = any(${memberships.tiers}) then ${memberships.tiers} else array_append(${memberships.tiers}, ${tier}) end` : sql`${memberships.tiers}`,
        },
      });
    return row!.id;
  });
}

export type NewTicket = { ticketHash: string; bindingHash: string; userId: string; schoolId: string; redirectTo: string };

export async function recordTicket(t: NewTicket, ttlSeconds = 120) {
  const db = await getDb();
  await db.insert(ltiTickets).values({ ...t, expiresAt: new Date(Date.now() + ttlSeconds * 1000) });
}

/** A ticket works once, only before it expires, and only in the browser it was issued to. */
export async function takeTicket(ticketHash: string, bindingHash: string) {
  const db = await getDb();
  const [row] = await db.delete(ltiTickets).where(and(eq(ltiTickets.ticketHash, ticketHash), eq(ltiTickets.bindingHash, bindingHash))).returning();
  return row && row.expiresAt > new Date() && row.schoolId ? { userId: row.userId, schoolId: row.schoolId } : null;
}

/**
 * Records where a teacher's score for a module goes. A teacher who passed before this gradebook
 * column existed (or before launching from it) has their result queued for it now, once.
 */
export async function recordGradeTarget(t: typeof ltiGradeTargets.$inferInsert) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const added = await tx.insert(ltiGradeTargets).values(t).onConflictDoNothing().returning({ userId: ltiGradeTargets.userId });
    if (added.length === 0) return;
    await tx.execute(sql`
      insert into grade_outbox (attempt_id, registration_id, lineitem_url, lti_sub, score_given, scored_at)
      select c.attempt_id, ${t.registrationId}, ${t.lineitemUrl}, ${t.ltiSub}, c.score, c.completed_at
      from completions c
      where c.user_id = ${t.userId} and c.module_id = ${t.moduleId}
      on conflict (attempt_id, lineitem_url) do nothing`);
  });
}

/** Outbox rows that are due, oldest first; `for update skip locked` lets several servers share the work. */
export async function claimDueGrades(limit: number) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(gradeOutbox)
      .where(and(eq(gradeOutbox.status, 'pending'), lte(gradeOutbox.nextAttemptAt, sql`now()`)))
      .orderBy(asc(gradeOutbox.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return [];
    // Lease the rows for a minute so a crash mid-send makes them due again, not lost.
    await tx
      .update(gradeOutbox)
      .set({ nextAttemptAt: sql`now() + interval '60 seconds'`, tries: sql`${gradeOutbox.tries} + 1` })
      .where(sql`${gradeOutbox.id} in ${rows.map((r) => r.id)}`);
    return rows.map((r) => ({ ...r, tries: r.tries + 1 }));
  });
}

export async function markGradeSent(id: string) {
  const db = await getDb();
  await db.update(gradeOutbox).set({ status: 'sent', sentAt: sql`now()`, lastError: null }).where(eq(gradeOutbox.id, id));
}

export async function markGradeRetry(id: string, delaySeconds: number, error: string) {
  const db = await getDb();
  await db
    .update(gradeOutbox)
    .set({ nextAttemptAt: sql`now() + make_interval(secs => ${delaySeconds})`, lastError: error.slice(0, 500) })
    .where(eq(gradeOutbox.id, id));
}

export async function markGradeFailed(id: string, error: string) {
  const db = await getDb();
  await db.update(gradeOutbox).set({ status: 'failed', lastError: error.slice(0, 500) }).where(eq(gradeOutbox.id, id));
}

export async function getRegistrationById(id: string) {
  const db = await getDb();
  return (await withDeployments(await db.select().from(ltiRegistrations).where(eq(ltiRegistrations.id, id))))[0];
}

export async function listOutbox(schoolId: string) {
  const db = await getDb();
  return db
    .select({
      id: gradeOutbox.id,
      status: gradeOutbox.status,
      tries: gradeOutbox.tries,
      scoreGiven: gradeOutbox.scoreGiven,
      lastError: gradeOutbox.lastError,
      sentAt: gradeOutbox.sentAt,
      createdAt: gradeOutbox.createdAt,
      teacher: users.name,
      moduleId: quizAttempts.moduleId,
    })
    .from(gradeOutbox)
    .innerJoin(ltiRegistrations, eq(ltiRegistrations.id, gradeOutbox.registrationId))
    .innerJoin(quizAttempts, eq(quizAttempts.id, gradeOutbox.attemptId))
    .innerJoin(users, eq(users.id, quizAttempts.userId))
    .where(eq(ltiRegistrations.schoolId, schoolId))
    .orderBy(desc(gradeOutbox.createdAt))
    .limit(200);
}

/** Queues a refused score again, for a school admin who fixed the cause in the LMS. */
export async function resendGrade(actor: Actor & { schoolId: string }, outboxId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const done = await tx
      .update(gradeOutbox)
      .set({ status: 'pending', tries: 0, nextAttemptAt: sql`now()`, lastError: null })
      .where(
        and(
          eq(gradeOutbox.id, outboxId),
          sql`${gradeOutbox.status} <> 'sent'`,
          sql`${gradeOutbox.registrationId} in (select id from lti_registrations where school_id = ${actor.schoolId})`,
        ),
      )
      .returning({ id: gradeOutbox.id });
    if (done.length === 0) return false;
    await recordAudit(tx, actor, 'lti.score_resent', { outboxId });
    return true;
  });
}

/** Where a ticket leads, without using it (the sign-in that follows uses it). */
export async function peekTicketTarget(ticketHash: string) {
  const db = await getDb();
  const [row] = await db.select({ redirectTo: ltiTickets.redirectTo, expiresAt: ltiTickets.expiresAt }).from(ltiTickets).where(eq(ltiTickets.ticketHash, ticketHash));
  return row && row.expiresAt > new Date() ? row.redirectTo : null;
}
