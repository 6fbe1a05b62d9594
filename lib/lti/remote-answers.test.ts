import { describe, expect, it, vi } from 'vitest';
import { logExcerpt, logRemoteAnswer, plainCause, type RemoteService } from './remote-answers';

const services: RemoteService[] = ['token', 'score', 'membership', 'configuration', 'registration'];

describe('plainCause', () => {
  it('names a cause for every service and status, saying when it will be retried', () => {
    for (const service of services) {
      for (const status of [400, 401, 403, 404, 409, 410, 418, 422, 429, 500, 502, 503]) {
        const cause = plainCause(service, status);
        expect(cause.length, `${service} ${status}`).toBeGreaterThan(10);
        expect(cause.includes('tried again'), `${service} ${status}`).toBe(status >= 500 || status === 429);
      }
    }
  });

  it("points at the tool's key set when the LMS refuses the signed request", () => {
    expect(plainCause('token', 401, 'https://teach.example/lti/jwks')).toContain('https://teach.example/lti/jwks');
    expect(plainCause('token', 400)).toContain('/lti/jwks');
    expect(plainCause('score', 401, 'https://teach.example/lti/jwks')).toContain('https://teach.example/lti/jwks');
    expect(plainCause('score', 400)).not.toContain('/lti/jwks');
    expect(plainCause('membership', 403)).toContain('NRPS');
    expect(plainCause('score', 403)).toContain('AGS');
    expect(plainCause('registration', 401)).toContain('registration again');
  });
});

describe('logging remote answers', () => {
  it('keeps the log entry on one line and short', () => {
    expect(logExcerpt('line one\r\n[lti] forged entry\u0007', 500)).toBe('line one [lti] forged entry ');
    expect(logExcerpt('x'.repeat(2000)).length).toBe(500);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      logRemoteAnswer('The score service of https://lms.example', 400, 'bad\nscore');
      expect(warn).toHaveBeenCalledWith('[lti] The score service of https://lms.example answered HTTP 400: bad score');
    } finally {
      warn.mockRestore();
    }
  });
});
