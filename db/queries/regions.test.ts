import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/test-db';
import { KAZAKHSTAN_REGIONS } from '@/lib/regions/kazakhstan';
import { listAudit } from './audit';
import { createSchool, listRegions, preloadRegions, recordRegionNames, recordSchoolPlacement } from './operator';
import { getSchoolProfile } from './school-profile';
import { createSchoolIfAbsent } from './schools';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.dispose());

const actor = { actorId: null, schoolId: null };

describe('regions of Kazakhstan', () => {
  it('lists 17 regions and 3 cities of republican significance, each named in kk, ru and en', () => {
    expect(KAZAKHSTAN_REGIONS).toHaveLength(20);
    expect(new Set(KAZAKHSTAN_REGIONS.map((r) => r.slug)).size).toBe(20);
    expect(KAZAKHSTAN_REGIONS.filter((r) => r.name.en.endsWith('(city)')).map((r) => r.slug)).toEqual(['astana', 'almaty', 'shymkent']);
    for (const r of KAZAKHSTAN_REGIONS) for (const l of ['kk', 'ru', 'en'] as const) expect(r.name[l].length).toBeGreaterThan(3);
  });

  it('preloads once, keeps names an operator edited, and adds only what is missing', async () => {
    expect(await preloadRegions(KAZAKHSTAN_REGIONS)).toBe(20);
    const abai = (await listRegions()).find((r) => r.slug === 'abai')!;
    expect(await recordRegionNames(actor, abai.id, { kk: 'Абай облысы', ru: 'Абайская область', en: 'Abay Region' })).toBe(true);
    expect(await preloadRegions(KAZAKHSTAN_REGIONS)).toBe(0);
    const again = await listRegions();
    expect(again).toHaveLength(20);
    expect(again.find((r) => r.slug === 'abai')!.name.en).toBe('Abay Region');
    expect(await recordRegionNames(actor, '00000000-0000-0000-0000-000000000000', abai.name)).toBe(false);
  });

  it('renames a school and moves it to another region, recorded in its audit log', async () => {
    const all = await listRegions();
    const from = all.find((r) => r.slug === 'pavlodar')!;
    const to = all.find((r) => r.slug === 'shymkent')!;
    const id = (await createSchool(actor, { slug: 'school-7', name: { kk: '№7', ru: '№7', en: 'No. 7' }, regionId: from.id }))!;
    const other = await createSchoolIfAbsent('other', { kk: 'Басқа', ru: 'Другая', en: 'Other' });
    const version = (await getSchoolProfile(id))!.profileVersion;
    expect(await recordSchoolPlacement(actor, id, { name: { kk: '№ 7 мектеп', ru: 'Школа № 7', en: 'School No. 7' }, regionId: to.id })).toBe(true);
    const after = (await getSchoolProfile(id))!;
    expect(after.regionId).toBe(to.id);
    expect(after.name.ru).toBe('Школа № 7');
    expect(after.profileVersion).toBe(version + 1);
    const audit = await listAudit(id);
    expect(audit.map((a) => a.action)).toContain('school.updated');
    expect((await listAudit(other.id)).map((a) => a.action)).not.toContain('school.updated');
    expect((await getSchoolProfile(other.id))!.regionId).toBeNull();
  });
});
