import 'server-only';
import type { JWK } from 'jose';
import { listToolKeys, recordToolKey, retireOlderToolKeys } from '@/db/queries/lti-tool-keys';
import { buildToolJwks, generateToolKeyPair, importToolSigningKey, type ToolSigningKey } from '@/lib/lti/keys';

// A retired key stays in the JWKS this long: platforms cache JWKS and tokens signed before the rotation are still checked.
const RETIRED_GRACE_MS = 24 * 3600_000;
let signing: { kid: string; key: Promise<ToolSigningKey> } | undefined;

async function currentRow() {
  let rows = await listToolKeys();
  if (!rows.some((r) => !r.retiredAt)) {
    const pair = await generateToolKeyPair();
    await recordToolKey({ kid: pair.kid, privateJwk: pair.privateJwk as Record<string, unknown>, publicJwk: pair.publicJwk as Record<string, unknown> });
    rows = await listToolKeys();
  }
  return rows.filter((r) => !r.retiredAt).at(-1)!;
}

/** The tool's current signing key, created on first use and kept in the database. */
export async function getSigningKey(): Promise<ToolSigningKey> {
  const row = await currentRow();
  if (signing?.kid !== row.kid) signing = { kid: row.kid, key: importToolSigningKey(row.privateJwk as JWK) };
  return signing.key;
}

export async function getPublishedJwks() {
  const current = await currentRow();
  const rows = await listToolKeys();
  return buildToolJwks(
    rows.map((r) => ({
      publicJwk: r.publicJwk as JWK,
      status: r.kid === current.kid ? 'current' : r.retiredAt && Date.now() - r.retiredAt.getTime() > RETIRED_GRACE_MS ? 'retired' : 'previous',
    })),
  );
}

/** A new current key; the old one is published for the grace period, then dropped from the JWKS. */
export async function rotateToolKey() {
  const pair = await generateToolKeyPair();
  await recordToolKey({ kid: pair.kid, privateJwk: pair.privateJwk as Record<string, unknown>, publicJwk: pair.publicJwk as Record<string, unknown> });
  await retireOlderToolKeys(pair.kid);
  signing = undefined;
  return pair.kid;
}
