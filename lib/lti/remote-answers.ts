/**
 * What an LMS's refusal most likely means, in words an admin can act on. The LMS's own answer
 * body is never shown (it could be anything, including an internal page); it goes to the log.
 */
export type RemoteService = 'token' | 'score' | 'membership' | 'configuration' | 'registration';

const keysAt = (jwksUrl: string | undefined) => (jwksUrl ? `KKO Teach's keys at ${jwksUrl}` : "KKO Teach's keys (/lti/jwks)");

export function plainCause(service: RemoteService, status: number, toolJwksUrl?: string): string {
  if (status >= 500) return 'the LMS had an internal error or is down; it will be tried again later';
  if (status === 429 || status === 408 || status === 425) return 'the LMS is busy or limits how often it is called; it will be tried again later';
  if (service === 'registration' || service === 'configuration') {
    if (status === 401 || status === 403)
      return 'the registration token was not accepted (it works once and expires): start the registration again from the LMS';
    if (status === 404 || status === 410) return 'the LMS has no such registration address: copy the registration link again';
    return 'the LMS did not accept the registration request';
  }
  if (status === 400 || status === 401) {
    if (service === 'token' || status === 401) return `the LMS did not accept KKO Teach's signed request: check that it can reach ${keysAt(toolJwksUrl)}`;
    if (service === 'score')
      return 'the LMS refused this score (often: the person is not a gradable student of that course, or the activity no longer takes grades)';
    return 'the LMS refused the roster request';
  }
  if (status === 403) {
    const what = service === 'membership' ? 'names and roles (NRPS)' : 'grade sync (AGS)';
    return `the LMS did not grant KKO Teach this service: turn on ${what} for the tool in the LMS`;
  }
  if (status === 404 || status === 410) return 'the LMS no longer has this address (was the activity or course deleted?)';
  return 'the LMS gave an unexpected answer';
}

/** The start of a remote answer, on one line, for the server log only. */
export function logExcerpt(body: string, max = 500): string {
  return body.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, max);
}

export function logRemoteAnswer(what: string, status: number, body: string): void {
  console.warn(`[lti] ${what} answered HTTP ${status}: ${logExcerpt(body)}`);
}
