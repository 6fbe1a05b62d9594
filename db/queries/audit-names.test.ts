import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/test-db';
import { auditPeople } from '@/lib/audit/describe';
import { listAudit, listAuditPeopleNames } from './audit';
import { recordMemberTiers } from './people';
import { createSchoolIfAbsent } from './schools';
import { createMemberIfAbsent, getUserForSignIn } from './users';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const ids: Record<string, { userId: string; schoolId: string }> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  for (const slug of ['north', 'south']) {
    const school = await createSchoolIfAbsent(slug, { en: slug, ru: slug, kk: slug });
    await createMemberIfAbsent(school.id, {
      email: `t@${slug}.kz`,
      name: `Teacher ${slug}`,
      passwordHash: null,
      locale: null,
      role: 'teacher',
      tiers: ['9-10'],
    });
    ids[slug] = { userId: (await getUserForSignIn(`t@${slug}.kz`))!.id, schoolId: school.id };
  }
});
afterAll(() => db.dispose());

describe('audit log names', () => {
  it("names the school's own member whose age groups changed", async () => {
    const north = ids.north!;
    expect(await recordMemberTiers({ actorId: null, schoolId: north.schoolId }, north.userId, ['11-12'])).toBe(true);
    const rows = await listAudit(north.schoolId);
    const people = auditPeople(rows.map((r) => r.details));
    expect(people).toEqual([north.userId]);
    expect(await listAuditPeopleNames(north.schoolId, people)).toEqual(new Map([[north.userId, 'Teacher north']]));
  });

  it("never names another school's member, and ignores ids that are not ids", async () => {
    const names = await listAuditPeopleNames(ids.north!.schoolId, [ids.south!.userId, 'not-a-uuid', "'; drop table users; --"]);
    expect(names.size).toBe(0);
    expect(await listAuditPeopleNames(ids.north!.schoolId, [])).toEqual(new Map());
  });
});
