import { describe, expect, it } from 'vitest';
import { actionMessageKey, auditParts, auditPeople } from './describe';

describe('auditParts', () => {
  it('turns an assignment into a person, a module, an age group and a due date', () => {
    expect(auditParts({ moduleId: 'kko-9-10-living-online', tier: '9-10', userId: 'u-1', dueDate: '2026-12-01' })).toEqual([
      { kind: 'person', userId: 'u-1' },
      { kind: 'module', moduleId: 'kko-9-10-living-online' },
      { kind: 'tiers', tiers: ['9-10'] },
      { kind: 'dueDate', date: '2026-12-01' },
    ]);
  });

  it('keeps an invitation readable: e-mail, role and age groups', () => {
    expect(auditParts({ email: 'a@b.kz', role: 'teacher', tiers: ['11-12', '13-14'] })).toEqual([
      { kind: 'email', email: 'a@b.kz' },
      { kind: 'role', role: 'teacher' },
      { kind: 'tiers', tiers: ['11-12', '13-14'] },
    ]);
  });

  it('leaves out technical ids and anything it cannot read', () => {
    expect(auditParts({ outboxId: '6d1f0c1e-9a4b-4c55-8f0e-3d0f7d3c2a11' })).toEqual([]);
    expect(auditParts({ issuer: 'https://moodle.example.kz', clientId: 'abc123' })).toEqual([{ kind: 'lms', issuer: 'https://moodle.example.kz' }]);
    expect(auditParts({ role: 'root', dueDate: 'tomorrow', tiers: [1, null], userId: 42 })).toEqual([]);
    expect(auditParts(null)).toEqual([]);
    expect(auditParts(['userId'])).toEqual([]);
    expect(auditParts('member.deactivated')).toEqual([]);
  });

  it('collects each person once across entries', () => {
    expect(auditPeople([{ userId: 'a' }, { userId: 'b', tiers: [] }, { userId: 'a' }, {}])).toEqual(['a', 'b']);
  });
});

describe('actionMessageKey', () => {
  it('names known actions and folds unknown ones into "other"', () => {
    expect(actionMessageKey('member.tiers_changed')).toBe('member_tiers_changed');
    expect(actionMessageKey('lti.platform_activated')).toBe('lti_platform_activated');
    expect(actionMessageKey('something.new')).toBe('other');
    expect(actionMessageKey('member.tiers_changed.extra')).toBe('other');
  });
});
