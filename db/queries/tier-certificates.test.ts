import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db';
import { createTestDatabase } from '@/db/test-db';
import { recordSubmission } from '@/lib/quiz/submission';
import { getOrCreateOpenAttempt } from './attempts';
import { recordCatalog } from './catalog';
import { createSchoolIfAbsent } from './schools';
import { getTierCertificate, listMyTierCertificates } from './tier-certificates';
import { createMemberIfAbsent, getUserForSignIn } from './users';

const mod = (id: string, tier: string, position: number, minutes: number) => ({
  id,
  tier,
  position,
  version: 'v1',
  sectionIds: ['a'],
  questionCount: 3,
  title: { en: `${id} en`, ru: `${id} ru`, kk: `${id} kk` },
  minutes,
});
const CATALOG = [mod('a1', '9-10', 1, 25), mod('a2', '9-10', 2, 35), mod('a3', '9-10', 3, 30), mod('b1', '11-12', 1, 20)];

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let schoolId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  // A module retired before anyone passed it is not required.
  await recordCatalog([...CATALOG, mod('a0', '9-10', 0, 99)]);
  await recordCatalog(CATALOG);
  schoolId = (await createSchoolIfAbsent('tc', { en: 'School', ru: 'Школа', kk: 'Мектеп' })).id;
});
afterAll(() => db.dispose());

async function teacher(email: string) {
  await createMemberIfAbsent(schoolId, { email, name: `Name ${email}`, passwordHash: null, locale: null, role: 'teacher', tiers: ['9-10', '11-12'] });
  return { userId: (await getUserForSignIn(email))!.id, schoolId };
}
async function pass(scope: { userId: string; schoolId: string }, moduleId: string, passed = true) {
  const attempt = await getOrCreateOpenAttempt(scope, moduleId, 'v1', () => ['q']);
  await recordSubmission(scope, attempt.id, { q: ['a'] }, () => ({ correctCount: passed ? 1 : 0, score: passed ? 100 : 0, passed }));
}
const tierCerts = (userId: string) => queryRows<{ tier: string }>(sql`select tier from tier_certificates where user_id = ${userId}`);

describe('the tier certificate', () => {
  it('is issued with the pass of the tier’s last module, with the total study time', async () => {
    const t = await teacher('one@tc.kz');
    await pass(t, 'a1');
    await pass(t, 'b1');
    await pass(t, 'a2');
    await pass(t, 'a3', false);
    expect(await tierCerts(t.userId)).toEqual([{ tier: '11-12' }]);
    await pass(t, 'a3');
    const mine = await listMyTierCertificates(t.userId, schoolId);
    expect(mine.map((c) => c.tier).sort()).toEqual(['11-12', '9-10']);
    const cert = await getTierCertificate(mine.find((c) => c.tier === '9-10')!.id);
    expect(cert).toMatchObject({ teacherName: 'Name one@tc.kz', minutes: 90, tier: '9-10', schoolName: { ru: 'Школа' } });
    expect(cert!.moduleTitles.map((x) => x.en)).toEqual(['a1 en', 'a2 en', 'a3 en']);
    // Passing again issues nothing new.
    await pass(t, 'a3');
    expect((await tierCerts(t.userId)).length).toBe(2);
    expect(await listMyTierCertificates(t.userId, '00000000-0000-0000-0000-000000000000')).toEqual([]);
  });

  it('is issued, once, to each of 8 teachers passing their last two modules at the same moment', async () => {
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => teacher(`two${i}@tc.kz`)));
    await Promise.all(people.map((t) => pass(t, 'a1')));
    await Promise.all(people.flatMap((t) => [pass(t, 'a2'), pass(t, 'a3')]));
    for (const t of people) expect(await tierCerts(t.userId)).toEqual([{ tier: '9-10' }]);
  });
});
