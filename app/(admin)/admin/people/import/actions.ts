'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { actorOf, requireSchoolAdmin } from '@/app/_lib/session';
import { ImportFileError } from '@/lib/people-import/errors';
import { checkImport, confirmImport, ImportChangedError } from '@/lib/people-import/import';
import { publicOrigin } from '@/lib/server/origin';
import { ConfirmSchema, type ImportResult, PREVIEW_VALID_ROWS } from './schema';

async function fileOf(data: FormData) {
  const file = data.get('file');
  if (!(file instanceof File)) return null;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function refused(err: unknown): ImportResult {
  if (err instanceof ImportFileError) return { ok: false, fileProblem: err.problem, detail: err.detail };
  if (err instanceof ImportChangedError) return { ok: false, fileProblem: 'changed' };
  throw err;
}

/** Reads and checks the file; writes nothing. */
export async function previewImport(data: FormData): Promise<ImportResult> {
  const admin = await requireSchoolAdmin();
  const file = await fileOf(data);
  if (!file) return { ok: false, fileProblem: 'empty' };
  try {
    const p = await checkImport(admin.schoolId, file.name, file.bytes);
    const problems = p.rows.filter((r) => r.problems.length > 0);
    return {
      ok: true,
      preview: {
        format: p.format,
        encoding: p.encoding,
        total: p.rows.length,
        validCount: p.valid.length,
        fingerprint: p.fingerprint,
        rows: [...problems, ...p.valid.slice(0, PREVIEW_VALID_ROWS)].sort((a, b) => a.line - b.line),
      },
    };
  } catch (err) {
    return refused(err);
  }
}

/** Invites every valid row of the same file in one transaction, or none. */
export async function confirmImportAction(data: FormData): Promise<ImportResult> {
  const admin = await requireSchoolAdmin();
  const parsed = ConfirmSchema.safeParse({ fingerprint: data.get('fingerprint') });
  const file = await fileOf(data);
  if (!parsed.success || !file) return { ok: false, fileProblem: 'changed' };
  try {
    const tokens = await confirmImport(actorOf(admin), file.name, file.bytes, parsed.data.fingerprint);
    const origin = publicOrigin(await headers());
    revalidatePath('/admin/people');
    return { ok: true, links: tokens.map((t) => ({ name: t.name, email: t.email, link: `${origin}/join/${t.token}` })) };
  } catch (err) {
    return refused(err);
  }
}
