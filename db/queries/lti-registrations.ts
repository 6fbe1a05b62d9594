import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { ltiDeployments, ltiRegistrations } from '@/db/schema';
import { recordAudit, type Actor } from './audit';

type RegistrationRow = typeof ltiRegistrations.$inferSelect;

export async function withDeployments(rows: RegistrationRow[]) {
  if (rows.length === 0) return [];
  const db = await getDb();
  // Only these registrations' deployments: this runs on every launch.
  const deps = await db
    .select()
    .from(ltiDeployments)
    .where(
      inArray(
        ltiDeployments.registrationId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    ...r,
    deploymentIds: deps.filter((d) => d.registrationId === r.id).map((d) => d.deploymentId),
  }));
}

export type StoredRegistration = Awaited<ReturnType<typeof withDeployments>>[number];

// Only a registration bound to a school and activated by its admin (or an operator) may launch or frame the app.
const isActive = and(isNotNull(ltiRegistrations.schoolId), isNotNull(ltiRegistrations.activatedAt));

export async function findActiveRegistration(issuer: string, clientId: string) {
  const db = await getDb();
  const rows = await db
    .select()
    .from(ltiRegistrations)
    .where(and(eq(ltiRegistrations.issuer, issuer), eq(ltiRegistrations.clientId, clientId), isActive));
  return (await withDeployments(rows))[0];
}

export async function listActiveRegistrationsByIssuer(issuer: string) {
  const db = await getDb();
  return withDeployments(
    await db
      .select()
      .from(ltiRegistrations)
      .where(and(eq(ltiRegistrations.issuer, issuer), isActive)),
  );
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

export async function getRegistrationById(id: string) {
  const db = await getDb();
  return (await withDeployments(await db.select().from(ltiRegistrations).where(eq(ltiRegistrations.id, id))))[0];
}

export type RegistrationUrls = { authUrl: string; tokenUrl: string; jwksUrl: string };
export type NewRegistration = RegistrationUrls & { issuer: string; clientId: string; deploymentIds: string[]; schoolId: string | null };

/** The registration of (issuer, client id), locked for the rest of the transaction. */
export async function lockRegistration(tx: Tx, issuer: string, clientId: string) {
  const [row] = await tx
    .select()
    .from(ltiRegistrations)
    .where(and(eq(ltiRegistrations.issuer, issuer), eq(ltiRegistrations.clientId, clientId)))
    .for('update');
  return row;
}

/** Binds (when not yet bound) and activates a registration with its current addresses. */
export async function updateRegistration(tx: Tx, id: string, r: RegistrationUrls & { schoolId: string }) {
  await tx
    .update(ltiRegistrations)
    .set({ ...r, activatedAt: sql`coalesce(${ltiRegistrations.activatedAt}, now())` })
    .where(eq(ltiRegistrations.id, id));
}

/** A new registration: active when it names a school, pending (unbound, inactive) when not. */
export async function insertRegistration(tx: Tx, r: Omit<NewRegistration, 'deploymentIds'>) {
  const [row] = await tx
    .insert(ltiRegistrations)
    .values({ ...r, activatedAt: r.schoolId ? sql`now()` : null })
    .returning({ id: ltiRegistrations.id });
  return row!.id;
}

export async function addDeployments(tx: Tx, registrationId: string, deploymentIds: string[]) {
  for (const deploymentId of deploymentIds) {
    await tx.insert(ltiDeployments).values({ registrationId, deploymentId }).onConflictDoNothing();
  }
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

/**
 * Adds a deployment id to a registration of the admin's own school (Canvas's dynamic
 * registration sends none). False when the registration is not that school's.
 */
export async function addSchoolDeployment(actor: Actor, registrationId: string, schoolId: string, deploymentId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [own] = await tx
      .select({ issuer: ltiRegistrations.issuer, clientId: ltiRegistrations.clientId })
      .from(ltiRegistrations)
      .where(and(eq(ltiRegistrations.id, registrationId), eq(ltiRegistrations.schoolId, schoolId)))
      .for('update');
    if (!own) return false;
    const added = await tx.insert(ltiDeployments).values({ registrationId, deploymentId }).onConflictDoNothing().returning({ id: ltiDeployments.deploymentId });
    if (added.length > 0)
      await recordAudit(tx, { ...actor, schoolId }, 'lti.deployment_added', { issuer: own.issuer, clientId: own.clientId, deployment: deploymentId });
    return true;
  });
}
