import { AuthError } from 'next-auth';

// A refused sign-in (wrong password, throttled) is an expected outcome, not a fault of the server.
const EXPECTED = new Set(['CredentialsSignin']);

/**
 * next-auth's error log: one line for a refused sign-in, the full error (with its cause) for
 * anything that is a real fault.
 */
export function logAuthError(error: Error, write: { warn: (line: string) => void; error: (...args: unknown[]) => void } = console) {
  const type = error instanceof AuthError ? error.type : error.name;
  if (EXPECTED.has(type)) {
    const code = (error as { code?: unknown }).code;
    write.warn(`[auth] sign-in refused${typeof code === 'string' && code !== 'credentials' ? ` (${code})` : ''}`);
    return;
  }
  const cause = (error as { cause?: { err?: unknown } }).cause?.err;
  write.error(`[auth] ${type}: ${error.message}`, cause instanceof Error ? cause : error);
}
