// A refused sign-in (wrong password, throttled) is an expected outcome, not a fault of the server.
const EXPECTED = new Set(['CredentialsSignin']);

/**
 * next-auth's error log: one line for a refused sign-in, the full error (with its cause) for
 * anything that is a real fault.
 */
export function logAuthError(error: Error, write: { warn: (line: string) => void; error: (...args: unknown[]) => void } = console) {
  // next-auth's errors carry their kind in `type` (AuthError); others only have a name.
  const kind = (error as { type?: unknown }).type;
  const type = typeof kind === 'string' ? kind : error.name;
  if (EXPECTED.has(type)) {
    const code = (error as { code?: unknown }).code;
    write.warn(`[auth] sign-in refused${typeof code === 'string' && code !== 'credentials' ? ` (${code})` : ''}`);
    return;
  }
  const cause = (error as { cause?: { err?: unknown } }).cause?.err;
  write.error(`[auth] ${type}: ${error.message}`, cause instanceof Error ? cause : error);
}
