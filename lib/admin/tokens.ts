import { createHash, randomBytes, randomInt } from 'node:crypto';

export const INVITE_DAYS = 7;

/** A one-time invite token for the link; only its hash is stored. */
export function newInviteToken() {
  const token = randomBytes(24).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

// No 0/O, 1/I/L: codes are read aloud and typed from paper.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function randomCode(length: number) {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** A school join code such as "K7QM-3XHD". */
export function newJoinCode() {
  return `${randomCode(4)}-${randomCode(4)}`;
}

export function normalizeJoinCode(input: string) {
  const raw = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return raw.length === 8 ? `${raw.slice(0, 4)}-${raw.slice(4)}` : raw;
}
