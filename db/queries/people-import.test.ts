import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, transaction } from '@/db';
import { createTestDatabase } from '@/db/test-db';
import { hashToken } from '@/lib/admin/tokens';
import { checkImport, confirmImport, ImportChangedError } from '@/lib/people-import/import';
import { ImportFileError } from '@/lib/people-import/errors';
import { makeXlsx } from '@/test/xlsx-fixture';
import { createInvite } from './invites';
import { createSchoolIfAbsent } from './schools';
import { createMemberIfAbsent } from './users';

const utf8 = (s: string) => new TextEncoder().encode(s);
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let here: string;
let there: string;
const actor = () => ({ actorId: null, schoolId: here });
const invitesOf = (schoolId: string) =>
  queryRows<{ email: string; name: string | null; tiers: string[]; token_hash: string }>(
    sql`select email, name, tiers, token_hash from invites where school_id = ${schoolId} order by email`,
  );

beforeAll(async () => {
  db = await createTestDatabase();
  here = (await createSchoolIfAbsent('imp-here', { en: 'H', ru: 'H', kk: 'H' })).id;
  there = (await createSchoolIfAbsent('imp-there', { en: 'T', ru: 'T', kk: 'T' })).id;
  await createMemberIfAbsent(here, { email: 'member@here.kz', name: 'M', passwordHash: null, locale: null, role: 'teacher', tiers: ['9-10'] });
  await createMemberIfAbsent(there, { email: 'Elsewhere@there.kz', name: 'E', passwordHash: null, locale: null, role: 'teacher', tiers: ['9-10'] });
  await createInvite(
    { actorId: null, schoolId: here },
    { email: 'invited@here.kz', role: 'teacher', tiers: ['9-10'], tokenHash: 'x'.repeat(64), expiresAt: new Date(Date.now() + 86_400_000) },
  );
});
afterAll(() => db.dispose());

const FILE =
  'name,email,tiers\nNew One,new1@here.kz,9-10\nMember,MEMBER@here.kz,9-10\nElse,elsewhere@there.kz,11-12\nInvited,invited@here.kz,9-10\nNew Two,new2@here.kz,15-17 13-14\nBad,bad@,9-10\n';

describe('importing teachers', () => {
  it('previews each row with the school’s conflicts, without writing anything', async () => {
    const before = await invitesOf(here);
    const p = await checkImport(here, 't.csv', utf8(FILE));
    expect(p.rows.map((r) => [r.email, r.problems])).toEqual([
      ['new1@here.kz', []],
      ['member@here.kz', ['alreadyMember']],
      ['elsewhere@there.kz', ['otherSchool']],
      ['invited@here.kz', ['alreadyInvited']],
      ['new2@here.kz', []],
      ['bad@', ['emailInvalid']],
    ]);
    expect(await invitesOf(here)).toEqual(before);
  });

  it('invites exactly the valid rows the admin saw, with one-time links, and refuses a stale preview', async () => {
    const p = await checkImport(here, 't.csv', utf8(FILE));
    await expect(confirmImport(actor(), 't.csv', utf8(FILE.replace('New Two', 'New 2')), p.fingerprint)).rejects.toThrow(ImportChangedError);
    expect((await invitesOf(here)).length).toBe(1);
    const links = await confirmImport(actor(), 't.csv', utf8(FILE), p.fingerprint);
    expect(links.map((l) => l.email)).toEqual(['new1@here.kz', 'new2@here.kz']);
    const rows = await invitesOf(here);
    expect(rows.filter((r) => r.email.startsWith('new')).map((r) => [r.email, r.name, r.tiers])).toEqual([
      ['new1@here.kz', 'New One', ['9-10']],
      ['new2@here.kz', 'New Two', ['15-17', '13-14']],
    ]);
    expect(rows.find((r) => r.email === 'new1@here.kz')!.token_hash).toBe(hashToken(links[0]!.token));
    // The same file again: every row is now a conflict, nothing to confirm.
    await expect(confirmImport(actor(), 't.csv', utf8(FILE), p.fingerprint)).rejects.toThrow(ImportChangedError);
    expect((await invitesOf(here)).length).toBe(3);
    expect(await invitesOf(there)).toEqual([]);
  });

  it('changes nothing for a bad file', async () => {
    const formula = makeXlsx([
      ['name', 'email', 'tiers'],
      ['A', 'a9@here.kz', '9-10'],
      ['B', { f: 'A1', v: 'x' }, '9-10'],
    ]);
    await expect(confirmImport(actor(), 'f.xlsx', formula, 'anything')).rejects.toThrow(ImportFileError);
    expect((await invitesOf(here)).length).toBe(3);
  });

  it('stops the whole import when a row became invalid after the preview', async () => {
    const file = utf8('name,email,tiers\nP1,p1@here.kz,9-10\nP2,p2@here.kz,9-10\n');
    const p = await checkImport(here, 'p.csv', file);
    // Someone invites p2 between the preview and the confirmation: the whole import stops.
    await transaction(async (tx) => {
      await tx.execute(
        sql`insert into invites (school_id, email, role, tiers, token_hash, expires_at) values (${here}, 'p2@here.kz', 'teacher', '{9-10}', ${'y'.repeat(64)}, now() + interval '1 day')`,
      );
    });
    await expect(confirmImport(actor(), 'p.csv', file, p.fingerprint)).rejects.toThrow(ImportChangedError);
    expect((await invitesOf(here)).map((r) => r.email)).not.toContain('p1@here.kz');
  });

  it('imports 1,000 rows in seconds', async () => {
    const big = ['name,email,tiers', ...Array.from({ length: 1000 }, (_, i) => `Teacher ${i},bulk${i}@here.kz,9-10 11-12`)].join('\n');
    const started = performance.now();
    const p = await checkImport(here, 'big.csv', utf8(big));
    const links = await confirmImport(actor(), 'big.csv', utf8(big), p.fingerprint);
    const ms = performance.now() - started;
    console.log(`[import] 1,000 rows previewed and imported in ${Math.round(ms)} ms (${db.kind})`);
    expect(links).toHaveLength(1000);
    expect((await invitesOf(here)).filter((r) => r.email.startsWith('bulk')).length).toBe(1000);
    expect(ms).toBeLessThan(5000);
  });
});
