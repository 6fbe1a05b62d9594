import { describe, expect, it } from 'vitest';
import { isServiceHostOf, registrationHosts } from './service-hosts';
import type { Registration } from './types';

const moodle: Registration = {
  issuer: 'https://moodle.school.kz',
  clientId: 'abc',
  authUrl: 'https://moodle.school.kz/mod/lti/auth.php',
  tokenUrl: 'https://moodle.school.kz/mod/lti/token.php',
  jwksUrl: 'https://moodle.school.kz/mod/lti/certs.php',
  deploymentIds: ['1'],
};
const canvasCloud: Registration = {
  issuer: 'https://canvas.instructure.com',
  clientId: '10000000000001',
  authUrl: 'https://sso.canvaslms.com/api/lti/authorize_redirect',
  tokenUrl: 'https://sso.canvaslms.com/login/oauth2/token',
  jwksUrl: 'https://sso.canvaslms.com/api/lti/security/jwks',
  deploymentIds: ['1:abc'],
};
const local: Registration = {
  ...moodle,
  issuer: 'http://127.0.0.1:8081',
  authUrl: 'http://127.0.0.1:8081/auth',
  tokenUrl: 'http://127.0.0.1:8081/token',
  jwksUrl: 'http://127.0.0.1:8081/jwks',
};

describe('registrationHosts', () => {
  it('lists each host of the issuer, auth, token and key URLs once', () => {
    expect(registrationHosts(moodle)).toEqual(['moodle.school.kz']);
    expect(registrationHosts(canvasCloud)).toEqual(['canvas.instructure.com', 'sso.canvaslms.com']);
  });
});

describe('isServiceHostOf', () => {
  it.each([
    [moodle, 'https://moodle.school.kz/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1', true],
    [moodle, 'https://moodle.school.kz:443/mod/lti/services.php/CourseSection/2/bindings/1/memberships', true],
    [moodle, 'https://moodle.school.kz:8443/mod/lti/services.php/2/lineitems', false],
    [moodle, 'https://evil.kz/mod/lti/services.php/2/lineitems', false],
    [moodle, 'https://school.kz/lineitems', false],
    [moodle, 'https://moodle.school.kz.evil.kz/lineitems', false],
    [moodle, 'https://169.254.169.254/latest/meta-data', false],
    [moodle, 'not a url', false],
    [canvasCloud, 'https://school.instructure.com/api/lti/courses/1/line_items/5', true],
    [canvasCloud, 'https://sso.canvaslms.com/api/lti/courses/1/names_and_roles', true],
    [canvasCloud, 'https://school.instructure.com:8443/api/lti/courses/1/line_items/5', false],
    [canvasCloud, 'http://school.instructure.com/api/lti/courses/1/line_items/5', false],
    [canvasCloud, 'https://school.instructure.com.evil.kz/api/lti/courses/1/line_items/5', false],
    [canvasCloud, 'https://evilinstructure.com/api/lti/courses/1/line_items/5', false],
    [{ ...moodle, issuer: 'https://canvas.school.kz' }, 'https://school.instructure.com/api/lti/courses/1/line_items/5', false],
    [local, 'http://127.0.0.1:8081/contexts/1/lineitems/1/lineitem', true],
    [local, 'http://127.0.0.1:9999/secret-admin/lineitem', false],
  ] as const)('%#: %s', (registration, url, expected) => {
    expect(isServiceHostOf(registration, url)).toBe(expected);
  });
});
