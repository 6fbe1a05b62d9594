import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { regions, schools, users, type LocalizedText } from '@/db/schema';
import { isSlug } from '@/db/vocabulary';
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

/**
 * Adds the regions that are missing by slug and leaves existing ones (and any names an operator
 * edited) untouched; returns how many were added. Safe to run on every start.
 */
export async function preloadRegions(list: readonly { slug: string; name: LocalizedText }[]) {
  if (list.length === 0) return 0;
  const db = await getDb();
  const added = await db
    .insert(regions)
    .values([...list])
    .onConflictDoNothing({ target: regions.slug })
    .returning({ id: regions.id });
  return added.length;
}

/** New names for a region; false when there is no such region. */
export async function recordRegionNames(actor: Actor, regionId: string, name: LocalizedText) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ slug: regions.slug, name: regions.name }).from(regions).where(eq(regions.id, regionId));
    if (!before) return false;
    await tx.update(regions).set({ name }).where(eq(regions.id, regionId));
    await recordAudit(tx, actor, 'region.updated', { slug: before.slug, from: before.name, to: name });
    return true;
  });
}

export async function getRegionBySlug(slug: string) {
  if (!isSlug(slug)) return undefined;
  const db = await getDb();
  const [row] = await db.select({ id: regions.id, slug: regions.slug, name: regions.name }).from(regions).where(eq(regions.slug, slug));
  return row;
}

/**
 * An operator renames a school or moves it to another region. Recorded in the school's own
 * audit log; the profile version moves on so handouts and certificates show the new name.
 */
export async function recordSchoolPlacement(actor: Actor, schoolId: string, change: { name: LocalizedText; regionId: string | null }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ name: schools.name, regionId: schools.regionId }).from(schools).where(eq(schools.id, schoolId));
    if (!before) return false;
    await tx
      .update(schools)
      .set({ name: change.name, regionId: change.regionId, profileVersion: sql`${schools.profileVersion} + 1` })
      .where(eq(schools.id, schoolId));
    await recordAudit(tx, { ...actor, schoolId }, 'school.updated', { from: before, to: change });
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
 * of that tier, the modules they are expected to complete (the `expected_modules` view, the same
 * rule as the school dashboard) and the completions among them; the all-tier row ('') sums the
 * tiers and counts each teacher once.
 */
export async function refreshRollupSnapshot() {
  const db = await getDb();
  await db.transaction(async (tx) => {
    // The scheduled refresh (one process per tick) and an operator's "refresh now" (any process)
    // can meet: without this lock both would insert the snapshot and one would fail on its key.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('kko:rollup-refresh'))`);
    await tx.execute(sql`delete from rollup_snapshots`);
    await tx.execute(sql`
      insert into rollup_snapshots (school_id, tier, teachers, expected, completed, overdue, computed_at)
      with e as (
        select e.school_id, e.tier, count(*)::int as expected, count(c.user_id)::int as completed,
          count(*) filter (where c.user_id is null and coalesce(
            (select a.due_date from assignments a where a.school_id = e.school_id and a.user_id = e.user_id and a.module_id = e.module_id limit 1),
            (select min(a.due_date) from assignments a where a.school_id = e.school_id and a.user_id is null and a.module_id = e.module_id and a.tier = e.tier)
          ) < (now() at time zone 'Asia/Almaty')::date)::int as overdue
        from expected_modules e
        left join completions c on c.user_id = e.user_id and c.school_id = e.school_id and c.module_id = e.module_id
        group by e.school_id, e.tier
      ), t as (
        select m.school_id, tier, count(*)::int as teachers
        from memberships m, unnest(m.tiers) as tier
        where m.active and m.role = 'teacher'
        group by m.school_id, tier
      )
      select coalesce(e.school_id, t.school_id), coalesce(e.tier, t.tier), coalesce(t.teachers, 0),
        coalesce(e.expected, 0), coalesce(e.completed, 0), coalesce(e.overdue, 0), now()
      from e full join t on t.school_id = e.school_id and t.tier = e.tier
      where coalesce(e.tier, t.tier) in (select distinct tier from modules where not retired)`);
    await tx.execute(sql`
      insert into rollup_snapshots (school_id, tier, teachers, expected, completed, overdue, computed_at)
      select school_id, '', coalesce(m.teachers, 0), coalesce(s.expected, 0), coalesce(s.completed, 0), coalesce(s.overdue, 0), now()
      from (select school_id, sum(expected)::int as expected, sum(completed)::int as completed, sum(overdue)::int as overdue
            from rollup_snapshots group by school_id) s
      -- A school whose teachers have nothing to do yet still counts its teachers.
      full join (select school_id, count(*)::int as teachers from memberships
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
  overdue: number;
  /** A Date on node-postgres, PostgreSQL's text form on PGlite. */
  computed_at: Date | string | null;
};

/** Every school with its snapshot row for the tier (zeros for a school not yet in the snapshot). */
export async function getSchoolRollup(tier: string | null) {
  const rows = await queryRows<RollupRow>(sql`
    select s.id as school_id, s.slug, s.name, s.region_id, r.name as region_name,
      coalesce(x.teachers, 0) as teachers, coalesce(x.expected, 0) as expected,
      coalesce(x.completed, 0) as completed, coalesce(x.overdue, 0) as overdue, x.computed_at
    from schools s
    left join regions r on r.id = s.region_id
    left join rollup_snapshots x on x.school_id = s.id and x.tier = ${tier ?? ''}
    order by r.slug nulls last, s.slug`);
  return rows.map((r) => ({ ...r, teachers: Number(r.teachers), expected: Number(r.expected), completed: Number(r.completed), overdue: Number(r.overdue) }));
}
