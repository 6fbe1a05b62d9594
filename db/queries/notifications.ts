import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { notifications, users, type Notification } from '@/db/schema';

/** Unsent notifications, claimed for this transaction only: a second process skips them. */
export async function claimUnsentNotifications(tx: Tx, limit: number): Promise<Notification[]> {
  return tx
    .select()
    .from(notifications)
    .where(and(sql`${notifications.sentAt} is null`, sql`${notifications.dueAt} <= now()`))
    .orderBy(notifications.dueAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markNotificationSent(tx: Tx, id: string) {
  await tx
    .update(notifications)
    .set({ sentAt: sql`now()` })
    .where(eq(notifications.id, id));
}

/** A user's own notifications, newest first. */
export async function listMyNotifications(userId: string, limit = 30) {
  const db = await getDb();
  return db
    .select({ id: notifications.id, kind: notifications.kind, payload: notifications.payload, createdAt: notifications.createdAt })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

/** Who a notification goes to: address, name, language and whether they take optional mail. */
export async function getNotificationRecipient(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ email: users.email, name: users.name, locale: users.locale, notifyOptional: users.notifyOptional })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}
