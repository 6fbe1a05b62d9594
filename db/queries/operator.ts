import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { regions, schools, users, type LocalizedText } from '@/db/schema';
import { isSlug } from '@/lib/server/slug';
import { recordAudit, type Actor } from './audit';

export async function listRegions() {
  const db = await getDb();
  return db.select({ id: regions.id, slug: regions.slug, name: regions.name }).from(regions).orderBy(asc(regions.slug));
}

export async function createRegion(actor: Actor, slug: string, name: LocalizedText) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(regions).values({ slug, name }).onConflictDoNothing().returning({ id: regions.id });
    if (!row) return false;
    await recordAudit(tx, actor, 'region.created', { slug });
    return true;
  });
}

export async function createSchool(actor: Actor, school: { slug: string; name: LocalizedText; regionId: string | null }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(schools).values(school).onConflictDoNothing().returning({ id: schools.id });
    if (!row) return null;
    await recordAudit(tx, { ...actor, schoolId: row.id }, 'school.created', { slug: school.slug });
    return row.id;
  });
}

export async function getOperator(userId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(sql`${users.id} = ${userId} and ${users.isOperator}`);
  return row;
}

export async function getSchoolIdBySlug(slug: string) {
  // Not a slug (NUL bytes, 10 kB of text…): no school, and no query PostgreSQL would reject.
  if (!isSlug(slug)) return undefined;
  const db = await getDb();
  const [row] = await db.select({ id: schools.id }).from(schools).where(eq(schools.slug, slug));
  return row?.id;
}

/**
 * Recomputes the roll-up snapshot in one transaction: per school and tier, the active teachers
 * of that tier, the modules they are expected to complete and the completions among them; the
 * all-tier row ('') sums the tiers and counts each teacher once.
 */
export async function refreshRollupSnapshot() {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from rollup_snapshots`);
    await tx.execute(sql`
      insert into rollup_snapshots (school_id, tier, teachers, expected, completed, computed_at)
      with t as (
        select m.school_id, m.user_id, unnest(m.tiers) as tier
        from memberships m where m.active and m.role = 'teacher'
      ), mods as (
        select tier, count(*)::int as n from modules where not retired group by tier
      ), exp as (
        select t.school_id, t.tier, count(*)::int as teachers, sum(mods.n)::int as expected
        from t join mods using (tier) group by t.school_id, t.tier
      ), done as (
        select t.school_id, t.tier, count(*)::int as completed
        from t
        join completions c on c.user_id = t.user_id and c.school_id = t.school_id
        join modules mo on mo.id = c.module_id and mo.tier = t.tier and not mo.retired
        group by t.school_id, t.tier
      )
      select e.school_id, e.tier, e.teachers, e.expected, coalesce(d.completed, 0), now()
      from exp e left join done d using (school_id, tier)`);
    await tx.execute(sql`
      insert into rollup_snapshots (school_id, tier, teachers, expected, completed, computed_at)
      select s.school_id, '', coalesce(m.teachers, 0), s.expected, s.completed, now()
      from (select school_id, sum(expected)::int as expected, sum(completed)::int as completed
            from rollup_snapshots group by school_id) s
      left join (select school_id, count(*)::int as teachers from memberships
                 where active and role = 'teacher' group by school_id) m using (school_id)`);
  });
}

export type RollupRow = {
  school_id: string;
  slug: string;
  name: LocalizedText;
  region_id: string | null;
  region_name: LocalizedText | null;
  teachers: number;
  expected: number;
  completed: number;
  computed_at: Date | null;
};

/** Every school with its snapshot row for the tier (zeros for a school not yet in the snapshot). */
export async function getSchoolRollup(tier: string | null) {
  const rows = await queryRows<RollupRow>(sql`
    select s.id as school_id, s.slug, s.name, s.region_id, r.name as region_name,
      coalesce(x.teachers, 0) as teachers, coalesce(x.expected, 0) as expected,
      coalesce(x.completed, 0) as completed, x.computed_at
    from schools s
    left join regions r on r.id = s.region_id
    left join rollup_snapshots x on x.school_id = s.id and x.tier = ${tier ?? ''}
    order by r.slug nulls last, s.slug`);
  return rows.map((r) => ({ ...r, teachers: Number(r.teachers), expected: Number(r.expected), completed: Number(r.completed) }));
}
