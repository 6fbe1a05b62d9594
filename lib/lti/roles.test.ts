import { describe, expect, it } from 'vitest';
import { mapRoles, normalizeRole } from './roles';
import { ROLE } from './types';

describe('mapRoles with the default mapping', () => {
  it.each([
    ['a Learner of the staff course', [ROLE.context.Learner], 'teacher'],
    ['an Instructor of the staff course', [ROLE.context.Instructor], 'teacher'],
    ['an Administrator of the course', [ROLE.context.Administrator], 'school_admin'],
    ['an institution Administrator', [ROLE.institution.Administrator], 'school_admin'],
    ['a system Administrator', [ROLE.system.Administrator], 'school_admin'],
    ['a Learner who also administers the institution', [ROLE.context.Learner, ROLE.institution.Administrator], 'school_admin'],
    ['a bare context role name', ['Instructor'], 'teacher'],
    ['a teaching assistant (Instructor sub-role)', ['http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant'], 'teacher'],
    ['an LTI 1.1 role URN', ['urn:lti:role:ims/lis/Learner'], 'teacher'],
    ['an LTI 1.1 institution admin URN', ['urn:lti:instrole:ims/lis/Administrator'], 'school_admin'],
  ] as const)('maps %s', (_, roles, expected) => {
    expect(mapRoles(roles)).toBe(expected);
  });

  it.each([
    ['no roles', []],
    ['a Mentor', [ROLE.context.Mentor]],
    ['institution Faculty without a course role', [ROLE.institution.Faculty]],
    ['a system user', [ROLE.system.User]],
    ['an unknown vendor role', ['https://lms.example/roles#Janitor']],
  ] as const)('finds no usable role for %s', (_, roles) => {
    expect(mapRoles(roles)).toBeNull();
  });
});

describe('mapRoles with a registration mapping', () => {
  it('adds roles the defaults ignore', () => {
    expect(mapRoles([ROLE.institution.Faculty], { [ROLE.institution.Faculty]: 'teacher' })).toBe('teacher');
    expect(mapRoles([ROLE.context.Mentor], { Mentor: 'school_admin' })).toBe('school_admin');
  });

  it('removes a default with null', () => {
    expect(mapRoles([ROLE.context.Instructor], { [ROLE.context.Instructor]: null })).toBeNull();
  });

  it('changes a default', () => {
    expect(mapRoles([ROLE.context.Instructor], { Instructor: 'school_admin' })).toBe('school_admin');
  });

  it('maps a sub-role on its own before falling back to its principal role', () => {
    const ta = 'http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant';
    expect(mapRoles([ta], { [ta]: null })).toBeNull();
  });
});

describe('normalizeRole', () => {
  it('leaves full URIs alone and expands short and legacy forms', () => {
    expect(normalizeRole(ROLE.system.Administrator)).toBe(ROLE.system.Administrator);
    expect(normalizeRole(' Learner ')).toBe(ROLE.context.Learner);
    expect(normalizeRole('urn:lti:sysrole:ims/lis/Administrator')).toBe(ROLE.system.Administrator);
    expect(normalizeRole('urn:lti:role:ims/lis/Instructor/TeachingAssistant')).toBe(ROLE.context.Instructor);
  });
});
