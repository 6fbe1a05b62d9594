import 'server-only';
import { transaction } from '@/db';
import { insertGradeTarget, queueRecordedPass } from '@/db/queries/grade-outbox';

/**
 * Records where a teacher's score for a module goes. A teacher who passed before this gradebook
 * column existed (or before launching from it) has their result queued for it now, once.
 */
export async function recordGradeTarget(t: { userId: string; moduleId: string; registrationId: string; lineitemUrl: string; ltiSub: string }) {
  await transaction(async (tx) => {
    if (await insertGradeTarget(tx, t)) await queueRecordedPass(tx, t);
  });
}
