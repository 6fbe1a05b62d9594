/** A failed attempt's retry opens once its review sections were reread, or after this wait. */
export const RETRY_WAIT_MINUTES = 10;

export type LastAttempt = { passed: boolean | null; submittedAt: Date; reviewSections: string[] | null };

/**
 * When the teacher may start another attempt: at once after a pass (or with no attempt yet);
 * after a fail, when every section to review was marked read again, or the wait is over.
 */
export function retryOpensAt(last: LastAttempt | undefined, rereadSince: readonly string[]): Date | null {
  if (!last || last.passed) return null;
  const pending = (last.reviewSections ?? []).filter((s) => !rereadSince.includes(s));
  if (pending.length === 0) return null;
  return new Date(last.submittedAt.getTime() + RETRY_WAIT_MINUTES * 60_000);
}

export function isRetryOpen(opensAt: Date | null, now = new Date()) {
  return opensAt === null || opensAt <= now;
}
