export const OUTBOUND_REFUSED_CODES = ['not_https', 'private_address', 'too_large', 'timeout', 'too_many_redirects', 'other_host'] as const;
export type OutboundRefusedCode = (typeof OUTBOUND_REFUSED_CODES)[number];

/**
 * A request the guarded fetcher would not make, or stopped: the message names the URL's host
 * and the rule, never a resolved internal address or anything the remote side sent.
 */
export class OutboundRefused extends Error {
  constructor(
    readonly code: OutboundRefusedCode,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundRefused';
  }

  /** Worth trying again later: only a slow answer may go better next time. */
  get retryable(): boolean {
    return this.code === 'timeout';
  }
}
