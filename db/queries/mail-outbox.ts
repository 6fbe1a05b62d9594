import 'server-only';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { mailOutbox } from '@/db/schema';
import type { Locale } from '@/db/vocabulary';
import { recordAudit, type Actor } from './audit';

export type OutgoingMail = {
  schoolId: string | null;
  recipient: string;
  locale: Locale;
  kind: string;
  subject: string;
  text: string;
  html: string;
  link: string | null;
  unsubscribeUrl?: string | null;
};

/** Queues a message inside the caller's transaction: it exists exactly when what caused it does. */
export async function queueMail(tx: Tx, mail: OutgoingMail) {
  const [row] = await tx.insert(mailOutbox).values(mail).returning({ id: mailOutbox.id });
  return row!.id;
}

/** Messages of one kind queued to an address recently (a rate limit that holds across server processes). */
export async function countRecentMail(tx: Tx, recipient: string, kind: string, windowSeconds: number) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .where(
      and(
        eq(sql`lower(${mailOutbox.recipient})`, recipient.trim().toLowerCase()),
        eq(mailOutbox.kind, kind),
        sql`${mailOutbox.createdAt} > now() - make_interval(secs => ${windowSeconds})`,
      ),
    );
  return row?.n ?? 0;
}

/**
 * Due messages, oldest first, leased: `for update skip locked` keeps two servers off one row,
 * and the lease makes a row due again only if its sender died mid-send.
 */
export async function claimDueMail(limit: number, leaseSeconds: number) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, sql`now()`)))
      .orderBy(asc(mailOutbox.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return [];
    await tx
      .update(mailOutbox)
      .set({ nextAttemptAt: sql`now() + make_interval(secs => ${leaseSeconds})`, tries: sql`${mailOutbox.tries} + 1` })
      .where(
        inArray(
          mailOutbox.id,
          rows.map((r) => r.id),
        ),
      );
    return rows.map((r) => ({ ...r, tries: r.tries + 1 }));
  });
}

export type ClaimedMail = Awaited<ReturnType<typeof claimDueMail>>[number];

/** Only a still-pending row becomes sent: an admin's "shared by hand" is never overwritten. */
export async function markMailSent(id: string) {
  const db = await getDb();
  await db
    .update(mailOutbox)
    .set({ status: 'sent', sentAt: sql`now()`, lastError: null })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'pending')));
}

export async function markMailRetry(id: string, delaySeconds: number, error: string) {
  const db = await getDb();
  await db
    .update(mailOutbox)
    .set({ nextAttemptAt: sql`now() + make_interval(secs => ${delaySeconds})`, lastError: error.slice(0, 300) })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'pending')));
}

export async function markMailFailed(id: string, error: string) {
  const db = await getDb();
  await db
    .update(mailOutbox)
    .set({ status: 'failed', lastError: error.slice(0, 300) })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'pending')));
}

/** The school's Outbox, newest first; nothing of another school. */
export async function listSchoolOutbox(schoolId: string, limit = 200) {
  const db = await getDb();
  return db
    .select({
      id: mailOutbox.id,
      recipient: mailOutbox.recipient,
      locale: mailOutbox.locale,
      kind: mailOutbox.kind,
      subject: mailOutbox.subject,
      text: mailOutbox.text,
      link: mailOutbox.link,
      status: mailOutbox.status,
      tries: mailOutbox.tries,
      nextAttemptAt: mailOutbox.nextAttemptAt,
      lastError: mailOutbox.lastError,
      sentAt: mailOutbox.sentAt,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.schoolId, schoolId))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}

/** An admin handed the message over by hand (messenger, paper): it leaves the queue and is never mailed. */
export async function markMailShared(actor: Actor & { schoolId: string; actorId: string }, id: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const done = await tx
      .update(mailOutbox)
      .set({ status: 'shared', sentAt: sql`now()`, sharedBy: actor.actorId })
      .where(and(eq(mailOutbox.id, id), eq(mailOutbox.schoolId, actor.schoolId), inArray(mailOutbox.status, ['pending', 'failed'])))
      .returning({ recipient: mailOutbox.recipient, kind: mailOutbox.kind });
    if (done.length === 0) return false;
    await recordAudit(tx, actor, 'mail.shared', { id, recipient: done[0]!.recipient, kind: done[0]!.kind });
    return true;
  });
}

/** Queues a message that failed for good once more (the admin fixed the address or the mail server). */
export async function retryFailedMail(actor: Actor & { schoolId: string }, id: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const done = await tx
      .update(mailOutbox)
      .set({ status: 'pending', tries: 0, nextAttemptAt: sql`now()`, lastError: null })
      .where(and(eq(mailOutbox.id, id), eq(mailOutbox.schoolId, actor.schoolId), eq(mailOutbox.status, 'failed')))
      .returning({ recipient: mailOutbox.recipient });
    if (done.length === 0) return false;
    await recordAudit(tx, actor, 'mail.retried', { id, recipient: done[0]!.recipient });
    return true;
  });
}
