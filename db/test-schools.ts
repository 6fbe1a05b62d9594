import { createSchoolIfAbsent } from './queries/schools';
import { createMemberIfAbsent, getUserForSignIn } from './queries/users';

export type TeacherScope = { userId: string; schoolId: string };

/**
 * Tests of the school boundary: one school per slug, each with one teacher of 9-10
 * (`t@<slug>.kz`, "Teacher <slug>"), returned as the scope a session would carry.
 */
export async function createSchoolsWithOneTeacher(slugs: string[]): Promise<Record<string, TeacherScope>> {
  const ids: Record<string, TeacherScope> = {};
  for (const slug of slugs) {
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
  return ids;
}
