import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '@/db/queries/invites';
import { listSchoolOutbox } from '@/db/queries/mail-outbox';
import { createSchoolIfAbsent } from '@/db/queries/schools';
import { createTestDatabase } from '@/db/test-db';
import { inviteMail } from './invite-mail';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.dispose());

describe('invitations', () => {
  it("are queued to the invitee with the invite, in the inviter's language, in that school's Outbox only", async () => {
    const north = await createSchoolIfAbsent('inv-north', { en: 'North School', ru: 'Северная школа', kk: 'Солтүстік мектебі' });
    const south = await createSchoolIfAbsent('inv-south', { en: 'South', ru: 'Южная', kk: 'Оңтүстік' });
    const link = 'https://teach.example.kz/join/abcdefghijklmnopqrstuvwxyz012345';
    await createInvite(
      { actorId: null, schoolId: north.id },
      { email: 'new@north.kz', role: 'teacher', tiers: ['9-10'], tokenHash: 'inv-hash', expiresAt: new Date(Date.now() + 86_400_000) },
      inviteMail('kk', link, { en: 'North School', ru: 'Северная школа', kk: 'Солтүстік мектебі' }),
    );
    const [mail] = await listSchoolOutbox(north.id);
    expect(mail).toMatchObject({ recipient: 'new@north.kz', kind: 'invite', locale: 'kk', link, status: 'pending' });
    expect(mail!.text).toContain('Солтүстік мектебі');
    expect(await listSchoolOutbox(south.id)).toEqual([]);
  });

  it('a failed invite leaves no mail behind', async () => {
    const north = await createSchoolIfAbsent('inv-north', { en: 'N', ru: 'N', kk: 'N' });
    const before = (await listSchoolOutbox(north.id)).length;
    // The same token hash again violates its unique constraint: the invite and its mail roll back together.
    await expect(
      createInvite(
        { actorId: null, schoolId: north.id },
        { email: 'again@north.kz', role: 'teacher', tiers: ['9-10'], tokenHash: 'inv-hash', expiresAt: new Date(Date.now() + 86_400_000) },
        inviteMail('en', 'https://teach.example.kz/join/x', { en: 'N', ru: 'N', kk: 'N' }),
      ),
    ).rejects.toThrow();
    expect(await listSchoolOutbox(north.id)).toHaveLength(before);
  });
});
