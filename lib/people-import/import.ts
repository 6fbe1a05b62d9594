import 'server-only';
import { createHash } from 'node:crypto';
import { createImportedInvites, findEmailConflicts } from '@/db/queries/people-import';
import type { Actor } from '@/db/queries/audit';
import { INVITE_DAYS, newInviteToken } from '@/lib/admin/tokens';
import { readImportFile } from './file';
import type { ImportRow } from './rows';

/** The file's rows with every problem, the file's own and the school's (accounts, open invites). */
export async function checkImport(schoolId: string, fileName: string, bytes: Uint8Array, tx?: Parameters<typeof findEmailConflicts>[2]) {
  const file = readImportFile(fileName, bytes);
  const conflicts = await findEmailConflicts(
    schoolId,
    file.rows.map((r) => r.email),
    tx,
  );
  const rows: ImportRow[] = file.rows.map((r) => {
    const c = conflicts.get(r.email);
    return c && !r.problems.includes('duplicate') ? { ...r, problems: [...r.problems, c] } : r;
  });
  const valid = rows.filter((r) => r.problems.length === 0);
  return { format: file.format, encoding: file.encoding, rows, valid, fingerprint: fingerprint(valid) };
}

/** What the admin confirmed: the exact rows to be invited. */
export function fingerprint(rows: readonly Pick<ImportRow, 'email' | 'name' | 'tiers'>[]) {
  const h = createHash('sha256');
  for (const r of rows) h.update(`${r.email}\u0000${r.name}\u0000${r.tiers.join(',')}\n`);
  return h.digest('hex');
}

export class ImportChangedError extends Error {}

/**
 * Invites every valid row in one transaction, or nothing: the file is checked again inside it
 * and must give exactly the rows the admin saw in the preview. Returns the one-time links' tokens.
 */
export async function confirmImport(actor: Actor & { schoolId: string }, fileName: string, bytes: Uint8Array, expected: string) {
  const tokens: { email: string; name: string; token: string }[] = [];
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 86_400_000);
  const checked = await checkImport(actor.schoolId, fileName, bytes);
  if (checked.fingerprint !== expected || checked.valid.length === 0) throw new ImportChangedError();
  const list = checked.valid.map((r) => {
    const { token, tokenHash } = newInviteToken();
    tokens.push({ email: r.email, name: r.name, token });
    return { email: r.email, name: r.name, tiers: r.tiers, tokenHash, expiresAt };
  });
  // Checked again under the school's import lock: a concurrent import or invite cannot slip in between.
  await createImportedInvites(actor, list, async (tx) => {
    const conflicts = await findEmailConflicts(
      actor.schoolId,
      list.map((i) => i.email),
      tx,
    );
    if (conflicts.size > 0) throw new ImportChangedError();
  });
  return tokens;
}
