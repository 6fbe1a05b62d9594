import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/test-db';
import { clearSignInFailures, getSignInFailures, recordSignInFailure } from './throttle';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.dispose());

describe('sign-in throttle', () => {
  it('counts concurrent failures without losing any', async () => {
    await Promise.all(Array.from({ length: 7 }, () => recordSignInFailure('email:a@b.kz', 900)));
    expect(await getSignInFailures('email:a@b.kz', 900)).toBe(7);
  });

  it('forgets failures outside the window', async () => {
    await recordSignInFailure('email:old@b.kz', 900);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await getSignInFailures('email:old@b.kz', 1)).toBe(0);
    await recordSignInFailure('email:old@b.kz', 1);
    expect(await getSignInFailures('email:old@b.kz', 900)).toBe(1);
  });

  it('clears on success', async () => {
    await clearSignInFailures('email:a@b.kz');
    expect(await getSignInFailures('email:a@b.kz', 900)).toBe(0);
  });
});
