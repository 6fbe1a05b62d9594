import { resetEnvForTests } from '@/env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/test-db';
import { createSession, getSession } from '@/db/queries/sessions';
import { createMemberIfAbsent, getUserForSignIn } from '@/db/queries/users';
import { createSchoolIfAbsent } from '@/db/queries/schools';
import { verifyPassword } from '@/lib/auth/password';
import { DemoPasswordError, setDemoPassword } from './password';
import { seedDemo } from './seed';

let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DEMO_PASSWORD = 'first-password';
  resetEnvForTests();
  await seedDemo(() => {});
  const other = await createSchoolIfAbsent('other', { en: 'Other', ru: 'Другая', kk: 'Басқа' });
  await createMemberIfAbsent(other.id, {
    email: 'real@other.kz',
    name: 'Real Teacher',
    passwordHash: 'untouched',
    locale: null,
    role: 'teacher',
    tiers: ['9-10'],
  });
});
afterAll(async () => {
  delete process.env.DEMO_PASSWORD;
  resetEnvForTests();
  await db.dispose();
});

describe('setting a new demo password', () => {
  it('changes every demo account, ends their sessions and touches nobody else', async () => {
    const teacher = (await getUserForSignIn('teacher1@demo.school'))!;
    await createSession('s-demo', teacher.id, null, 3600);
    const changed = await setDemoPassword(db.kind, 'second-password');
    expect(changed).toEqual(['admin@demo.school', 'operator@demo.school', 'teacher1@demo.school', 'teacher2@demo.school']);
    for (const email of changed) {
      const user = (await getUserForSignIn(email))!;
      expect(await verifyPassword('second-password', user.passwordHash!)).toBe(true);
      expect(await verifyPassword('first-password', user.passwordHash!)).toBe(false);
    }
    expect(await getSession('s-demo')).toBeUndefined();
    expect((await getUserForSignIn('real@other.kz'))!.passwordHash).toBe('untouched');
  });

  it('refuses short, padded or missing passwords and changes nothing', async () => {
    for (const bad of ['short', ' padded-password ', undefined, 42, 'x'.repeat(129)]) {
      await expect(setDemoPassword(db.kind, bad)).rejects.toBeInstanceOf(DemoPasswordError);
    }
    const admin = (await getUserForSignIn('admin@demo.school'))!;
    expect(await verifyPassword('second-password', admin.passwordHash!)).toBe(true);
  });

  it('never runs on PostgreSQL', async () => {
    await expect(setDemoPassword('postgres', 'third-password')).rejects.toThrow(/only in the embedded database/);
    const admin = (await getUserForSignIn('admin@demo.school'))!;
    expect(await verifyPassword('second-password', admin.passwordHash!)).toBe(true);
  });
});
