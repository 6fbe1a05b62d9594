import 'server-only';
import { transaction, type Tx } from '@/db';
import { claimUnsentNotifications, markNotificationSent } from '@/db/queries/notifications';
import type { Notification } from '@/db/schema';

/** Kinds a user may turn off; due-date reminders for assigned work stay on. */
export const OPTIONAL_KINDS = new Set(['digest.weekly', 'refresher.due']);

/**
 * The one seam between notifications and mail: today it records the notification as delivered
 * (it shows in the app); the mail outbox replaces this body with "queue a mail in the
 * recipient's language, unless the kind is optional and the user turned optional mail off".
 */
export async function deliverNotification(tx: Tx, notification: Notification) {
  await markNotificationSent(tx, notification.id);
}

/** Delivers due notifications once each; several processes share the work. Returns the delivered ids. */
export async function deliverDueNotifications(limit = 100): Promise<string[]> {
  return transaction(async (tx) => {
    const due = await claimUnsentNotifications(tx, limit);
    for (const n of due) await deliverNotification(tx, n);
    return due.map((n) => n.id);
  });
}
