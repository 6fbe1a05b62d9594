// The error classes next-auth throws come from @auth/core.
import { CredentialsSignin } from '@auth/core/errors';
import { describe, expect, it } from 'vitest';
import { logAuthError } from './log';

function recorder() {
  const lines: unknown[][] = [];
  return { lines, sink: { warn: (line: string) => lines.push(['warn', line]), error: (...args: unknown[]) => lines.push(['error', ...args]) } };
}

describe('logAuthError', () => {
  it('logs a wrong password as one line without a stack', () => {
    const { lines, sink } = recorder();
    logAuthError(new CredentialsSignin(), sink);
    expect(lines).toEqual([['warn', '[auth] sign-in refused']]);
  });

  it('names the reason of a throttled sign-in', () => {
    class RateLimited extends CredentialsSignin {
      code = 'rate_limited';
    }
    const { lines, sink } = recorder();
    logAuthError(new RateLimited(), sink);
    expect(lines).toEqual([['warn', '[auth] sign-in refused (rate_limited)']]);
  });

  it('keeps the whole error of a real fault', () => {
    const { lines, sink } = recorder();
    const fault = new Error('database down');
    logAuthError(fault, sink);
    expect(lines).toHaveLength(1);
    expect(lines[0]![0]).toBe('error');
    expect(lines[0]![2]).toBe(fault);
  });
});
