import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/test-db';
import { recordSchoolProfile, type SchoolProfile } from '@/db/queries/school-profile';
import { createSchoolIfAbsent } from '@/db/queries/schools';
import { createMemberIfAbsent, getUserForSignIn } from '@/db/queries/users';
import { runDueJobs } from '@/lib/jobs/runner';
import { closePdfPool } from '@/lib/pdf/pool';
import { pdfText } from '@/test/pdf-text';
import { PRERENDER_JOB, prerenderSchoolHandouts, queueHandoutPrerender } from './prerender';
import { cachedHandoutKeys, getHandoutFile } from './serve';

const ORIGIN = 'https://teach.kko.test';
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let actor: { actorId: string; schoolId: string };
const handlers = { [PRERENDER_JOB]: (job: { payload: unknown }) => prerenderSchoolHandouts(job.payload) };

const profile = (en: string, kk: string): SchoolProfile => ({
  name: { en, ru: `${en} (ru)`, kk },
  address: '',
  contactPhone: '+7 727 000 00 00',
  contactEmail: '',
  counsellorName: '',
  counsellorContact: '',
  logo: null,
});
const pdfKeys = (slug: string, version?: number) =>
  cachedHandoutKeys().filter((k) => k.startsWith(version ? `${slug}@${version}/` : `${slug}@`) && k.includes('.pdf/'));

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-workers.mjs']);
  db = await createTestDatabase();
  const north = await createSchoolIfAbsent('north', { en: 'north', ru: 'north', kk: 'north' });
  await createSchoolIfAbsent('south', { en: 'south', ru: 'south', kk: 'south' });
  await createMemberIfAbsent(north.id, { email: 'admin@north.kz', name: 'Admin', passwordHash: null, locale: null, role: 'school_admin', tiers: [] });
  actor = { actorId: (await getUserForSignIn('admin@north.kz'))!.id, schoolId: north.id };
});
afterAll(async () => {
  await closePdfPool();
  await db.dispose();
});

describe('pre-rendering a school’s handouts when its profile changes', () => {
  it('queues a job with the saved profile that renders the 12 print handouts into the cache, and no other school’s', async () => {
    const saved = await recordSchoolProfile(actor, profile('North Lyceum', 'Солтүстік лицейі'), (tx, s) => queueHandoutPrerender(tx, s, ORIGIN));
    expect(pdfKeys('north')).toEqual([]);
    const [report, ...more] = await runDueJobs(handlers);
    expect(more).toEqual([]);
    expect(report).toMatchObject({ name: PRERENDER_JOB, ok: true, result: { superseded: false, rendered: 12, cached: 0 } });
    expect(pdfKeys('north', saved!.profileVersion)).toHaveLength(12);
    expect(pdfKeys('south')).toEqual([]);
    // The first parent now gets the cached document, with the new name in it.
    const res = await getHandoutFile('north', '13-14.pdf', 'kk', ORIGIN, { kind: 'public', address: '203.0.113.9', signedIn: async () => false });
    expect(res).toMatchObject({ status: 200, cached: true });
    if (res.status === 200) expect(pdfText(res.body, 'north.pdf').flat).toContain('Солтүстік лицейі');
    expect(await runDueJobs(handlers)).toEqual([]);
  });

  it('a second change supersedes the first: new documents replace the old ones, and a stale job renders nothing', async () => {
    const before = pdfKeys('north');
    const stale = { slug: 'north', profileVersion: Number(/^north@(\d+)\//.exec(before[0]!)![1]), origin: ORIGIN };
    const saved = await recordSchoolProfile(actor, profile('North Gymnasium', 'Солтүстік гимназиясы'), (tx, s) => queueHandoutPrerender(tx, s, ORIGIN));
    expect(saved!.profileVersion).toBe(stale.profileVersion + 1);
    const [report] = await runDueJobs(handlers);
    expect(report).toMatchObject({ ok: true, result: { rendered: 12, dropped: 12 } });
    expect(pdfKeys('north')).toEqual(pdfKeys('north', saved!.profileVersion));
    expect(pdfKeys('north')).toHaveLength(12);
    const res = await getHandoutFile('north', '9-10.pdf', 'kk', ORIGIN, { kind: 'admin' });
    expect(res).toMatchObject({ status: 200, cached: true });
    if (res.status === 200) expect(pdfText(res.body, 'north2.pdf').flat).toContain('Солтүстік гимназиясы');
    expect(await prerenderSchoolHandouts(stale)).toEqual({ superseded: true, rendered: 0, cached: 0 });
    expect(pdfKeys('north')).toHaveLength(12);
  });

  it('refuses a malformed job payload and renders nothing', async () => {
    const keys = cachedHandoutKeys();
    await expect(prerenderSchoolHandouts({ slug: 'north', profileVersion: 'x', origin: ORIGIN })).rejects.toThrow();
    await expect(prerenderSchoolHandouts({ slug: 'north', profileVersion: 3, origin: 'not a url' })).rejects.toThrow();
    expect(cachedHandoutKeys()).toEqual(keys);
  });
});
