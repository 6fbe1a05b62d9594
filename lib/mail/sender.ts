import 'server-only';
import { claimDueMail, markMailFailed, markMailRetry, markMailSent, type ClaimedMail } from '@/db/queries/mail-outbox';
import { classifySendError, mailConfig, smtpTransport, type MailConfig } from './transport';
import { env } from '@/env';

const MAX_TRIES = 15;
/** Longer than the worst send (connect 10 s + greeting 10 s + socket 30 s): a lease never runs out mid-send. */
const LEASE_SECONDS = 120;
/** 15 s, 30 s, 1 min … capped at an hour: a mail server down for half a day still gets every message. */
export const mailBackoffSeconds = (tries: number) => Math.min(3600, 15 * 2 ** Math.max(0, tries - 1));

async function sendOne(config: MailConfig, row: ClaimedMail) {
  const domain = config.from.match(/@([^>\s]+)/)?.[1] ?? 'kko-teach';
  await smtpTransport(config).sendMail({
    from: config.from,
    to: row.recipient,
    subject: row.subject,
    text: row.text,
    html: row.html,
    // The outbox id as Message-ID: if a lease ever ran out after the server took the message, the copy is recognisable.
    messageId: `<${row.id}@${domain}>`,
    headers: { 'Content-Language': row.locale },
    ...(row.unsubscribeUrl ? { list: { unsubscribe: row.unsubscribeUrl } } : {}),
  });
}

/**
 * Sends due messages once; returns how many were tried. Safe in several processes at once.
 * Without SMTP_URL it sends nothing: messages wait, pending, in the school's Outbox.
 */
export async function drainMailOutbox(opts: { limit?: number; backoff?: (tries: number) => number } = {}) {
  const config = mailConfig();
  if (!config) return 0;
  const rows = await claimDueMail(opts.limit ?? 20, LEASE_SECONDS);
  for (const row of rows) {
    try {
      await sendOne(config, row);
      await markMailSent(row.id);
    } catch (err) {
      const { message, permanent } = classifySendError(err);
      console.warn(`[mail] ${row.kind} ${row.id} try ${row.tries}: ${(err as Error).message}`);
      if (permanent || row.tries >= MAX_TRIES) await markMailFailed(row.id, message);
      else await markMailRetry(row.id, (opts.backoff ?? mailBackoffSeconds)(row.tries), message);
    }
  }
  return rows.length;
}

/** Polls the outbox in the background of the server process (later: a job of the jobs module). */
export function startMailOutboxWorker(intervalMs = env().MAIL_OUTBOX_INTERVAL_MS) {
  if (!mailConfig()) {
    console.log("[mail] no SMTP_URL: messages wait in each school's Outbox (/admin/outbox)");
    return () => {};
  }
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    drainMailOutbox()
      .catch((err) => console.error('[mail] outbox:', (err as Error).message))
      .finally(() => (busy = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
