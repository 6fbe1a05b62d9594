import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db';

/** Queues a passing score for every LMS gradebook column this module was launched from. */
export async function queueScoresForPass(tx: Tx, p: { attemptId: string; userId: string; moduleId: string; score: number }) {
  await tx.execute(sql`
    insert into grade_outbox (attempt_id, registration_id, lineitem_url, lti_sub, score_given, scored_at)
    select ${p.attemptId}, g.registration_id, g.lineitem_url, g.lti_sub, ${p.score}, now()
    from lti_grade_targets g
    where g.user_id = ${p.userId} and g.module_id = ${p.moduleId}
    on conflict (attempt_id, lineitem_url) do nothing`);
}
