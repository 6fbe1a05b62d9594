import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/test-db';
import type { Locale } from '@/lib/i18n/locales';
import type { TemplateLabels } from '@/lib/templates/pdf';
import { getSchoolTemplateFile } from '@/lib/templates/serve';
import { pdfText } from '@/test/pdf-text';
import { recordSchoolProfile } from '@/db/queries/school-profile';
import { createSchoolIfAbsent } from '@/db/queries/schools';
import { createMemberIfAbsent, getUserContext, getUserForSignIn } from '@/db/queries/users';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const users: Record<string, NonNullable<Awaited<ReturnType<typeof getUserContext>>>> = {};
const labelsFor = async (lang: Locale) => JSON.parse(fs.readFileSync(`messages/${lang}.json`, 'utf8')).templates.pdf as TemplateLabels;

beforeAll(async () => {
  db = await createTestDatabase();
  for (const slug of ['north', 'south']) {
    const school = await createSchoolIfAbsent(slug, { en: `${slug} school`, ru: `школа ${slug}`, kk: `${slug} мектебі` });
    for (const role of ['school_admin', 'teacher'] as const) {
      await createMemberIfAbsent(school.id, { email: `${role}@${slug}.kz`, name: `${role} ${slug}`, passwordHash: null, locale: null, role, tiers: [] });
      users[`${role}@${slug}`] = (await getUserContext((await getUserForSignIn(`${role}@${slug}.kz`))!.id, school.id))!;
    }
  }
  const admin = users['school_admin@north']!;
  await recordSchoolProfile(
    { actorId: admin.id, schoolId: admin.schoolId },
    {
      name: { en: 'North School', ru: 'Северная школа', kk: 'Солтүстік мектебі' },
      address: '',
      contactPhone: '',
      contactEmail: 'office@north.kz',
      counsellorName: 'Aliya Bekova',
      counsellorContact: 'room 12',
      logo: null,
    },
  );
});
afterAll(() => db.dispose());

describe('filled school templates', () => {
  it("gives a school's admin and teachers their own school's filled template", async () => {
    for (const who of ['school_admin@north', 'teacher@north']) {
      const res = await getSchoolTemplateFile(users[who]!, 'north', 'referral-form.pdf', 'ru', labelsFor);
      expect(res.status, who).toBe(200);
      if (res.status !== 200) continue;
      expect(res.filename).toBe('north-referral-form-ru.pdf');
      const { flat } = pdfText(res.body, `${who}.pdf`);
      expect(flat).toContain('Северная школа');
      expect(flat).toContain('Aliya Bekova');
      expect(flat).toContain('office@north.kz');
    }
  });

  it("never gives another school's admin or teacher a school's template, whatever slug they ask for", async () => {
    for (const who of ['school_admin@south', 'teacher@south']) {
      const res = await getSchoolTemplateFile(users[who]!, 'north', 'letter-to-parents.pdf', 'en', labelsFor);
      expect(res, who).toEqual({ status: 404, reason: 'school' });
    }
    const own = await getSchoolTemplateFile(users['school_admin@south']!, 'south', 'letter-to-parents.pdf', 'en', labelsFor);
    expect(own.status).toBe(200);
    if (own.status === 200) {
      const { flat } = pdfText(own.body, 'south.pdf');
      expect(flat).toContain('south school');
      expect(flat).not.toContain('North School');
      expect(flat).not.toContain('Aliya Bekova');
    }
  });

  it('answers bad requests clearly', async () => {
    const admin = users['school_admin@north']!;
    expect(await getSchoolTemplateFile(null, 'north', 'referral-form.pdf', 'en', labelsFor)).toEqual({ status: 401 });
    expect(await getSchoolTemplateFile(admin, 'north', 'no-such.pdf', 'en', labelsFor)).toEqual({ status: 404, reason: 'template' });
    expect(await getSchoolTemplateFile(admin, 'north', 'referral-form.png', 'en', labelsFor)).toEqual({ status: 404, reason: 'template' });
    expect(await getSchoolTemplateFile(admin, 'north', 'referral-form.pdf', 'de', labelsFor)).toEqual({ status: 404, reason: 'lang' });
  });
});
