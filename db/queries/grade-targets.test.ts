import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/test-db';
import { recordSubmission } from '@/lib/quiz/submission';
import { getOrCreateOpenAttempt } from './attempts';
import { recordCatalog } from './catalog';
import { recordGradeTarget } from '@/lib/lti/server/grade-targets';
import { upsertLtiUser } from '@/lib/lti/server/lti-users';
import { registerPlatform as recordRegistration } from '@/lib/lti/server/registry';
import { createSchoolIfAbsent } from './schools';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const ctx = { userId: '', schoolId: '', registrationId: '' };
type Row = { lineitem_url: string; score_given: number; status: string };
const outbox = async () =>
  ((await db.db.execute(sql`select lineitem_url, score_given, status from grade_outbox order by lineitem_url`)) as unknown as { rows: Row[] }).rows;

beforeAll(async () => {
  db = await createTestDatabase();
  await recordCatalog([
    {
      id: '9-10-m',
      tier: '9-10',
      position: 1,
      version: 'v1',
      sectionIds: ['a', 'summary'],
      questionCount: 10,
      title: { en: 'M', ru: 'M', kk: 'M' },
      minutes: 20,
    },
  ]);
  ctx.schoolId = (await createSchoolIfAbsent('s', { en: 's', ru: 's', kk: 's' })).id;
  const issuer = 'https://moodle.example.kz';
  const reg = await recordRegistration(
    { actorId: null, schoolId: null },
    { issuer, clientId: 'c', authUrl: `${issuer}/a`, tokenUrl: `${issuer}/t`, jwksUrl: `${issuer}/k`, deploymentIds: ['1'], schoolId: ctx.schoolId },
  );
  if (!reg.ok) throw new Error('setup');
  ctx.registrationId = reg.id;
  ctx.userId = await upsertLtiUser({ id: reg.id, schoolId: ctx.schoolId }, { sub: 'u1', name: 'T', email: null, locale: null }, 'teacher', '9-10');
});
afterAll(() => db.dispose());

describe('grade targets that appear after a pass', () => {
  it('queue the earlier result for a new gradebook column once', async () => {
    const scope = { userId: ctx.userId, schoolId: ctx.schoolId };
    const attempt = await getOrCreateOpenAttempt(scope, '9-10-m', 'v1', () => ['q1']);
    await recordSubmission(scope, attempt.id, { q1: ['a'] }, () => ({ correctCount: 1, score: 90, passed: true }));
    expect(await outbox()).toEqual([]);
    const target = { userId: ctx.userId, moduleId: '9-10-m', registrationId: ctx.registrationId, lineitemUrl: 'https://moodle.example.kz/li/1', ltiSub: 'u1' };
    await recordGradeTarget(target);
    await recordGradeTarget(target);
    expect(await outbox()).toEqual([{ lineitem_url: target.lineitemUrl, score_given: 90, status: 'pending' }]);
    await recordGradeTarget({ ...target, lineitemUrl: 'https://moodle.example.kz/li/2' });
    expect((await outbox()).map((r) => r.lineitem_url)).toEqual([target.lineitemUrl, 'https://moodle.example.kz/li/2']);
  });

  it('queue nothing for a teacher who has not passed', async () => {
    const other = await upsertLtiUser(
      { id: ctx.registrationId, schoolId: ctx.schoolId },
      { sub: 'u2', name: 'T2', email: null, locale: null },
      'teacher',
      '9-10',
    );
    const before = (await outbox()).length;
    await recordGradeTarget({
      userId: other,
      moduleId: '9-10-m',
      registrationId: ctx.registrationId,
      lineitemUrl: 'https://moodle.example.kz/li/1',
      ltiSub: 'u2',
    });
    expect(await outbox()).toHaveLength(before);
  });
});
