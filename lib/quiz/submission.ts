import 'server-only';
import { transaction } from '@/db';
import { lockAttempt, recordAttemptResult, recordCompletion, type AttemptOutcome } from '@/db/queries/attempts';
import { recordCertificate } from '@/db/queries/certificates';
import { queueScoresForPass } from '@/db/queries/grade-outbox';
import { recordTierCertificateIfComplete } from '@/db/queries/tier-certificates';
import type { Scope } from '@/db/queries/progress';
import type { AnswerMap, QuizAttempt } from '@/db/schema';
import { newCertificateId } from '@/lib/certificates/id';
import { AttemptConflictError, AttemptNotFoundError } from './errors';

function sameAnswers(a: AnswerMap, b: AnswerMap) {
  const norm = (m: AnswerMap) =>
    JSON.stringify(
      Object.keys(m)
        .sort()
        .map((k) => [k, [...(m[k] ?? [])].sort()]),
    );
  return norm(a) === norm(b);
}

/**
 * Records a submission in one transaction: the attempt row is locked, graded by `grade` (pure;
 * it throws on invalid answers, so nothing is written) and, on a pass, the completion, the
 * certificate (and the tier's, when it was the last module) and the LMS scores are written with it. Re-sending the same answers (double
 * click, network retry) returns the stored result.
 */
export async function recordSubmission(
  scope: Scope,
  attemptId: string,
  answers: AnswerMap,
  grade: (attempt: QuizAttempt) => AttemptOutcome & { reviewSections?: string[] | null; locale?: string },
): Promise<{ attempt: QuizAttempt; replayed: boolean }> {
  return transaction(async (tx) => {
    const attempt = await lockAttempt(tx, scope.userId, attemptId);
    if (!attempt) throw new AttemptNotFoundError('This quiz attempt does not exist or is not yours.');
    if (attempt.submittedAt) {
      if (attempt.answers && sameAnswers(attempt.answers, answers)) return { attempt, replayed: true };
      throw new AttemptConflictError('This attempt was already submitted with other answers. Start a new attempt.');
    }
    const outcome = grade(attempt);
    const saved = await recordAttemptResult(tx, attemptId, answers, { reviewSections: null, ...outcome });
    if (outcome.passed) {
      const pass = { userId: scope.userId, schoolId: attempt.schoolId, moduleId: attempt.moduleId, attemptId, score: outcome.score };
      await recordCompletion(tx, pass);
      await recordCertificate(tx, { ...pass, id: newCertificateId() });
      // The last module of a tier also earns the tier's certificate, in this same transaction.
      await recordTierCertificateIfComplete(tx, { ...pass, id: newCertificateId() });
      await queueScoresForPass(tx, pass);
    }
    return { attempt: saved, replayed: false };
  });
}
