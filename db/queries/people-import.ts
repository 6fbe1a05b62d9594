import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { invites } from '@/db/schema';
import { recordAudit, type Actor } from './audit';

export type EmailConflict = 'alreadyMember' | 'otherSchool' | 'alreadyInvited';

const CHUNK = 1000;
const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Which of these (lower-case) e-mails cannot be invited to the school: an account here, an
 * account in another school (e-mails are unique across schools), or an open invite here.
 */
export async function findEmailConflicts(schoolId: string, emails: string[], tx?: Tx) {
  const db = tx ?? (await getDb());
  const out = new Map<string, EmailConflict>();
  for (const part of chunks([...new Set(emails)].filter(Boolean))) {
    const { rows } = (await db.execute(sql`
      select lower(u.email) as email,
             bool_or(m.school_id = ${schoolId}) as here
      from users u left join memberships m on m.user_id = u.id
      where lower(u.email) in ${part}
      group by lower(u.email)
      union all
      select lower(i.email), null
      from invites i
      where i.school_id = ${schoolId} and lower(i.email) in ${part}
        and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()`)) as unknown as { rows: { email: string; here: boolean | null }[] };
    for (const r of rows) {
      // An account outranks an open invite: the invite could never be accepted.
      const conflict: EmailConflict = r.here === null ? 'alreadyInvited' : r.here ? 'alreadyMember' : 'otherSchool';
      if (!out.has(r.email) || out.get(r.email) === 'alreadyInvited') out.set(r.email, conflict);
    }
  }
  return out;
}

export type ImportedInvite = { email: string; name: string; tiers: string[]; tokenHash: string; expiresAt: Date };

/**
 * Writes every invite of an import, or none: `check` runs inside the transaction (after the
 * school's import lock) and may abort it by throwing.
 */
export async function createImportedInvites(actor: Actor & { schoolId: string }, list: ImportedInvite[], check: (tx: Tx) => Promise<void>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('people-import:' || ${actor.schoolId}))`);
    await check(tx);
    for (const part of chunks(list)) {
      await tx.insert(invites).values(part.map((i) => ({ ...i, role: 'teacher' as const, schoolId: actor.schoolId, createdBy: actor.actorId })));
    }
    await recordAudit(tx, actor, 'invite.imported', { count: list.length });
    return list.length;
  });
}
