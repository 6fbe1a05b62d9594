import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { env, type Env } from '@/env';

export type MailConfig = { url: string; from: string };

/** SMTP_URL and MAIL_FROM, or null when no mail server is configured (the Outbox-only mode). */
export function mailConfig(vars: Pick<Env, 'SMTP_URL' | 'MAIL_FROM' | 'PUBLIC_URL'> = env()): MailConfig | null {
  const url = vars.SMTP_URL;
  if (!url) return null;
  const host = vars.PUBLIC_URL ? new URL(vars.PUBLIC_URL).hostname : 'localhost';
  return { url, from: vars.MAIL_FROM?.trim() || `KKO Teach <no-reply@${host}>` };
}

let cached: { url: string; transport: Transporter } | undefined;
/** One transport per SMTP_URL; timeouts stay well under the sender's lease so a hung server cannot cause a double send. */
export function smtpTransport(config: MailConfig): Transporter {
  if (cached?.url !== config.url) {
    cached?.transport.close();
    cached = {
      url: config.url,
      transport: nodemailer.createTransport(config.url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }),
    };
  }
  return cached.transport;
}

type SmtpError = Error & { code?: string; responseCode?: number };

/**
 * What went wrong, in plain words for the Outbox (never the server's own text, which may echo
 * addresses or internals), and whether trying again can help: 5xx answers are final.
 */
export function classifySendError(err: unknown): { message: string; permanent: boolean } {
  const e = err as SmtpError;
  if (typeof e?.responseCode === 'number') {
    const permanent = e.responseCode >= 500 && e.responseCode < 600;
    return { message: `The mail server answered ${e.responseCode}${permanent ? ' (refused)' : ' (try later)'}.`, permanent };
  }
  if (e?.code === 'EAUTH') return { message: 'The mail server refused the SMTP_URL user name or password.', permanent: false };
  if (e?.code === 'ETIMEDOUT') return { message: 'The mail server did not answer in time.', permanent: false };
  if (e?.code === 'ECONNECTION' || e?.code === 'ESOCKET' || e?.code === 'EDNS') return { message: 'Could not reach the mail server.', permanent: false };
  return { message: 'Sending failed.', permanent: false };
}
