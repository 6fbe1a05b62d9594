import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDirFromEnv } from '@/db/client';
import { makePrivate } from '@/db/private-dir';
import { env, provideAuthSecret } from '@/env';

/**
 * The session signing secret: AUTH_SECRET, or for the embedded single-machine mode a random
 * secret kept in the data directory, so a fresh clone needs no configuration.
 */
export function ensureAuthSecret() {
  const { AUTH_SECRET, DATABASE_URL } = env();
  if (AUTH_SECRET) return;
  if (DATABASE_URL) {
    throw new Error('AUTH_SECRET must be set when DATABASE_URL is set (generate one with: openssl rand -base64 32).');
  }
  const dataDir = dataDirFromEnv();
  makePrivate(dataDir);
  const file = path.join(dataDir, 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  provideAuthSecret(fs.readFileSync(file, 'utf8').trim());
}
