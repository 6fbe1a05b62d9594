import 'server-only';
import { transaction, type Tx } from '@/db';
import { queueMail } from '@/db/queries/mail-outbox';
import { claimUnsentNotifications, getNotificationRecipient, markNotificationSent } from '@/db/queries/notifications';
import type { Notification } from '@/db/schema';
import { getModule } from '@/lib/content/catalog';
import { isLocale } from '@/lib/i18n/locales';
import { renderNotificationMail } from '@/lib/mail/notification-mail';
import { configuredOrigin } from '@/lib/server/origin';

/** Kinds a user may turn off; due-date reminders for assigned work stay on. */
export const OPTIONAL_KINDS = new Set(['digest.weekly', 'refresher.due']);

/** Where a notification's mail leads, on the public address (none without PUBLIC_URL: a job has no request to learn it from). */
function linkFor(n: Notification) {
  const origin = configuredOrigin();
  if (!origin) return null;
  const p = n.payload as { moduleId?: string; refresherId?: string };
  if (n.kind === 'refresher.due' && p.refresherId) return `${origin}/learn/refresher/${p.refresherId}`;
  if (n.kind === 'digest.weekly') return `${origin}/admin`;
  return p.moduleId ? `${origin}/learn/${p.moduleId}` : `${origin}/learn`;
}

/**
 * Delivers a notification: a mail in the recipient's language, queued in the mail outbox in
 * the same transaction (sent over SMTP, or shown in the school's Outbox without it), unless the
 * kind is optional and the user turned optional mail off. Either way it is marked delivered once.
 */
export async function deliverNotification(tx: Tx, n: Notification) {
  const to = await getNotificationRecipient(tx, n.userId);
  const optional = OPTIONAL_KINDS.has(n.kind);
  if (to?.email && (!optional || to.notifyOptional)) {
    const locale = isLocale(to.locale) ? to.locale : 'kk';
    const p = n.payload as { moduleId?: string; dueDate?: string; daysLeft?: number; overdue?: unknown[]; passed?: unknown[] };
    const mod = p.moduleId ? getModule(p.moduleId) : undefined;
    const mail = renderNotificationMail(
      locale,
      {
        kind: n.kind,
        name: to.name,
        moduleTitle: mod ? mod.lessons[locale].frontmatter.title : null,
        dueDate: p.dueDate ?? null,
        daysLeft: typeof p.daysLeft === 'number' ? p.daysLeft : null,
        overdueCount: Array.isArray(p.overdue) ? p.overdue.length : 0,
        passedCount: Array.isArray(p.passed) ? p.passed.length : 0,
        link: linkFor(n),
      },
      optional,
    );
    if (mail) await queueMail(tx, { schoolId: n.schoolId, recipient: to.email, locale, kind: n.kind, ...mail });
  }
  await markNotificationSent(tx, n.id);
}

/** Delivers due notifications once each; several processes share the work. Returns the delivered ids. */
export async function deliverDueNotifications(limit = 100): Promise<string[]> {
  return transaction(async (tx) => {
    const due = await claimUnsentNotifications(tx, limit);
    for (const n of due) await deliverNotification(tx, n);
    return due.map((n) => n.id);
  });
}
