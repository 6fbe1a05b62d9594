import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = ParsedMail & { envelopeTo: string[] };

/**
 * A real SMTP server for tests (no TLS, no auth), on a given or random port. `refuse` decides
 * per message whether to answer with an SMTP error code instead of taking it.
 */
export async function startSmtpServer(opts: { port?: number; refuse?: (n: number) => number | null } = {}) {
  const received: ReceivedMail[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const n = ++attempts;
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const code = opts.refuse?.(n) ?? null;
        if (code) {
          const err = Object.assign(new Error(`refused by the test server (${code})`), { responseCode: code });
          return callback(err);
        }
        const parsed = await simpleParser(Buffer.concat(chunks));
        received.push(Object.assign(parsed, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts: () => attempts,
    /** Waits until a message to `to` arrives (and, when given, `match` holds). */
    async waitFor(to: string, match: (m: ReceivedMail) => boolean = () => true, timeoutMs = 15_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find((m) => m.envelopeTo.includes(to) && match(m));
        if (found) return found;
        if (Date.now() > end) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
