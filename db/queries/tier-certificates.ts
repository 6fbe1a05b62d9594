import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { tierCertificates } from '@/db/schema';

/**
 * Issues the tier certificate when the teacher has now passed every current module of the
 * module's tier; frozen at issue (names, titles, total minutes). Returns true when issued now.
 */
export async function recordTierCertificateIfComplete(tx: Tx, c: { id: string; userId: string; schoolId: string; moduleId: string }) {
  // Two last modules passed at once: the second waits here, then its next statement sees the first's completion.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tier-certificate:' || ${c.userId}))`);
  const { rows } = (await tx.execute(sql`
    insert into tier_certificates (id, user_id, school_id, tier, teacher_name, school_name, module_titles, minutes)
    select ${c.id}, u.id, s.id, m.tier, u.name, s.name, jsonb_agg(m.title order by m.position), sum(m.minutes)::int
    from users u, schools s, modules m
    where u.id = ${c.userId} and s.id = ${c.schoolId} and not m.retired
      and m.tier = (select tier from modules where id = ${c.moduleId})
    group by u.id, s.id, m.tier
    having bool_and(exists (select 1 from completions x where x.user_id = u.id and x.module_id = m.id))
    on conflict (user_id, tier) do nothing
    returning id`)) as unknown as { rows: { id: string }[] };
  return rows.length === 1;
}

export async function getTierCertificate(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: tierCertificates.id,
      teacherName: tierCertificates.teacherName,
      schoolName: tierCertificates.schoolName,
      moduleTitles: tierCertificates.moduleTitles,
      tier: tierCertificates.tier,
      minutes: tierCertificates.minutes,
      issuedAt: tierCertificates.issuedAt,
    })
    .from(tierCertificates)
    .where(eq(tierCertificates.id, id));
  return row;
}

export async function listMyTierCertificates(userId: string, schoolId: string) {
  const db = await getDb();
  return db
    .select({ id: tierCertificates.id, tier: tierCertificates.tier, minutes: tierCertificates.minutes })
    .from(tierCertificates)
    .where(and(eq(tierCertificates.userId, userId), eq(tierCertificates.schoolId, schoolId)));
}
