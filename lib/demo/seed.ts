import 'server-only';
import { randomBytes } from 'node:crypto';
import { createMemberIfAbsent, createOperatorIfAbsent } from '@/db/queries/users';
import { createSchoolIfAbsent } from '@/db/queries/schools';
import { hashPassword } from '@/lib/auth/password';
import { env } from '@/env';

export const DEMO_SCHOOL = {
  slug: 'demo',
  name: { en: 'Demo School No. 1', ru: 'Демонстрационная школа № 1', kk: '№ 1 демо мектеп' },
};

export const DEMO_PEOPLE = [
  { email: 'admin@demo.school', name: 'Gulnara Abenova', role: 'school_admin', tiers: [] },
  { email: 'teacher1@demo.school', name: 'Aigerim Sadykova', role: 'teacher', tiers: ['9-10', '11-12'] },
  { email: 'teacher2@demo.school', name: 'Yerlan Tulegenov', role: 'teacher', tiers: ['13-14', '15-17'] },
] as const;

/** A platform operator, to try the cross-school view. */
export const DEMO_OPERATOR = { email: 'operator@demo.school', name: 'Operator (demo)' };

/**
 * Seeds the demo school once. The password is DEMO_PASSWORD or a generated one, printed only
 * when the accounts are first created (it is stored only as a hash).
 */
export async function seedDemo(log: (line: string) => void = console.log) {
  const school = await createSchoolIfAbsent(DEMO_SCHOOL.slug, DEMO_SCHOOL.name);
  const fromEnv = env().DEMO_PASSWORD;
  const password = fromEnv || randomBytes(9).toString('base64url');
  const hash = await hashPassword(password);
  const created: string[] = [];
  for (const p of DEMO_PEOPLE) {
    const isNew = await createMemberIfAbsent(school.id, {
      email: p.email,
      name: p.name,
      passwordHash: hash,
      locale: null,
      role: p.role,
      tiers: [...p.tiers],
    });
    if (isNew) created.push(p.email);
  }
  if (await createOperatorIfAbsent(DEMO_OPERATOR.email, DEMO_OPERATOR.name, hash)) created.push(DEMO_OPERATOR.email);
  if (created.length > 0) {
    const shown = fromEnv ? '(the value of DEMO_PASSWORD)' : password;
    log(
      [
        '',
        '  Demo school "Demo School No. 1" (slug demo) is ready. Sign in with:',
        ...created.map((e) => `    ${e}`),
        `  Password: ${shown}`,
        fromEnv ? '' : '  This password is shown only once. Set DEMO_PASSWORD before the first start to choose it.',
        '',
      ].join('\n'),
    );
  }
  return created;
}
