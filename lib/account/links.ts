import { randomBytes } from 'node:crypto';
import { hashToken } from '@/lib/admin/tokens';

export const RESET_TTL_SECONDS = 60 * 60;
export const CONFIRM_TTL_SECONDS = 7 * 24 * 60 * 60;
/** Reset mails per address and per account in an hour: enough for a lost mail, too few to flood an inbox. */
export const RESET_LIMIT = { perAddress: 3, perAccount: 5, windowSeconds: 60 * 60 };

/** A one-time link token; only its hash is stored. */
export function newLinkToken() {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/** Tokens come from URLs: anything that is not one of ours is refused before it reaches the database. */
export function isLinkToken(value: string) {
  return /^[A-Za-z0-9_-]{32,64}$/.test(value);
}
