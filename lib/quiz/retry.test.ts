import { describe, expect, it } from 'vitest';
import { isRetryOpen, retryOpensAt, RETRY_WAIT_MINUTES } from './retry';

const failedAt = new Date('2026-11-29T10:00:00Z');
const failed = { passed: false, submittedAt: failedAt, reviewSections: ['a', 'b'] };

describe('when a retry opens', () => {
  it('opens at once with no attempt or after a pass', () => {
    expect(retryOpensAt(undefined, [])).toBeNull();
    expect(retryOpensAt({ ...failed, passed: true }, [])).toBeNull();
  });

  it('waits after a fail until every section to review was reread', () => {
    const at = retryOpensAt(failed, ['a']);
    expect(at?.getTime()).toBe(failedAt.getTime() + RETRY_WAIT_MINUTES * 60_000);
    expect(isRetryOpen(at, new Date(failedAt.getTime() + 60_000))).toBe(false);
    expect(isRetryOpen(at, new Date(failedAt.getTime() + RETRY_WAIT_MINUTES * 60_000))).toBe(true);
    expect(retryOpensAt(failed, ['b', 'a'])).toBeNull();
  });

  it('opens at once when a fail left nothing to review', () => {
    expect(retryOpensAt({ ...failed, reviewSections: [] }, [])).toBeNull();
  });
});
