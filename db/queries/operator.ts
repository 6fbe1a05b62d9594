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
 * Completion per school in one set-based query: expected = active teachers × modules of their
 * tiers (optionally one tier), completed = their completions of those modules.
 */
export async function getSchoolRollup(tier: string | null) {
  const rows = await queryRows<{
    school_id: string;
    slug: string;
    name: LocalizedText;
    region_id: string | null;
    region_name: LocalizedText | null;
    teachers: number;
    expected: number;
    completed: number;
  }>(sql`
    with expected as (
      select m.school_id, m.user_id, mo.id as module_id
      from memberships m
      join modules mo on mo.tier = any(m.tiers) and not mo.retired
      where m.active and m.role = 'teacher' and (${tier}::text is null or mo.tier = ${tier}::text)
    )
    select s.id as school_id, s.slug, s.name, s.region_id, r.name as region_name,
      (select count(*)::int from memberships m where m.school_id = s.id and m.active and m.role = 'teacher'
         and (${tier}::text is null or ${tier}::text = any(m.tiers))) as teachers,
      count(e.module_id)::int as expected,
      count(c.user_id)::int as completed
    from schools s
    left join regions r on r.id = s.region_id
    left join expected e on e.school_id = s.id
    left join completions c on c.user_id = e.user_id and c.module_id = e.module_id
    group by s.id, r.id
    order by r.slug nulls last, s.slug`);
  return rows.map((r) => ({ ...r, teachers: Number(r.teachers), expected: Number(r.expected), completed: Number(r.completed) }));
}
