import { describe, expect, it } from 'vitest';
import { summarizeCompletion, type CompletionInput } from './summarize';

const title = (t: string) => ({ en: t, ru: t, kk: t });
const base: CompletionInput = {
  teachers: [
    { userId: 'u1', name: 'Aigerim', email: 'a@s.kz', tiers: ['9-10'] },
    { userId: 'u2', name: 'Bolat', email: 'b@s.kz', tiers: ['9-10', '13-14'] },
  ],
  catalog: [
    { id: 'm1', tier: '9-10', title: title('M1'), sectionCount: 3 },
    { id: 'm2', tier: '9-10', title: title('M2'), sectionCount: 3 },
    { id: 'm3', tier: '13-14', title: title('M3'), sectionCount: 3 },
  ],
  done: [{ userId: 'u1', moduleId: 'm1', score: 88, completedAt: new Date('2026-11-02T10:00:00Z') }],
  attempts: [{ userId: 'u1', moduleId: 'm1', count: 2, best: 88 }],
  read: [{ userId: 'u2', moduleId: 'm3', count: 1 }],
  assigned: [
    { moduleId: 'm2', tier: '9-10', userId: null, dueDate: '2026-11-20' },
    { moduleId: 'm2', tier: null, userId: 'u2', dueDate: '2026-12-31' },
    { moduleId: 'm3', tier: null, userId: 'u1', dueDate: '2026-11-01' },
  ],
};

describe('summarizeCompletion', () => {
  const s = summarizeCompletion(base, '2026-11-28');
  const cell = (u: string, m: string) => s.byTeacher.find((t) => t.userId === u)!.cells.find((c) => c.moduleId === m);

  it("expects the modules of a teacher's tiers plus those assigned to them by name", () => {
    expect(s.byTeacher.find((t) => t.userId === 'u1')!.cells.map((c) => c.moduleId)).toEqual(['m1', 'm2', 'm3']);
    expect(s.byTeacher.find((t) => t.userId === 'u2')!.cells.map((c) => c.moduleId)).toEqual(['m1', 'm2', 'm3']);
  });

  it('marks unfinished work past its due date overdue, a named due date winning over the tier', () => {
    expect(cell('u1', 'm2')).toMatchObject({ status: 'overdue', dueDate: '2026-11-20' });
    expect(cell('u2', 'm2')).toMatchObject({ status: 'not_started', dueDate: '2026-12-31' });
    expect(cell('u1', 'm3')).toMatchObject({ status: 'overdue' });
    expect(cell('u1', 'm1')).toMatchObject({ status: 'completed', score: 88, attempts: 2 });
    expect(cell('u2', 'm3')).toMatchObject({ status: 'in_progress', dueDate: null });
    expect(s.overdue.map((o) => `${o.teacher}:${o.moduleId}`)).toEqual(['Aigerim:m2', 'Aigerim:m3']);
  });

  it('counts per module and per tier', () => {
    expect(s.byModule.find((m) => m.id === 'm1')).toMatchObject({ expected: 2, completed: 1, percent: 50 });
    expect(s.byTier.find((t) => t.tier === '9-10')).toMatchObject({ teachers: 2, teachersDone: 0, expected: 4, completed: 1, percent: 25 });
  });

  it('filters by tier and status', () => {
    const f = summarizeCompletion(base, '2026-11-28', { tier: '9-10', status: 'overdue' });
    expect(f.byTeacher.map((t) => [t.name, t.cells.map((c) => c.moduleId)])).toEqual([['Aigerim', ['m2']]]);
    expect(f.byTier.map((t) => t.tier)).toEqual(['9-10']);
    expect(f.byModule.map((m) => m.id)).toEqual(['m1', 'm2']);
    // The dashboard's row keeps every module of the chosen age group, whatever its status.
    expect(f.byTeacher[0]!.inTier.map((c) => `${c.moduleId}:${c.status}`)).toEqual(['m1:completed', 'm2:overdue']);
  });

  it('rolls completions up by week, cumulatively', () => {
    const more = { ...base, done: [...base.done, { userId: 'u2', moduleId: 'm1', score: 100, completedAt: new Date('2026-11-12T10:00:00Z') }] };
    expect(summarizeCompletion(more, '2026-11-28').overTime).toEqual([
      { week: '2026-11-02', completed: 1 },
      { week: '2026-11-09', completed: 2 },
    ]);
  });
});

describe('age groups in age order', () => {
  it('lists 9-10 before 11-12 and 15-17 even when the catalog arrives sorted as text', () => {
    const input: CompletionInput = {
      ...base,
      teachers: [{ userId: 'u3', name: 'Dana', email: 'd@s.kz', tiers: ['9-10', '11-12', '15-17'] }],
      catalog: [
        { id: 'b1', tier: '11-12', title: title('B1'), sectionCount: 3 },
        { id: 'd1', tier: '15-17', title: title('D1'), sectionCount: 3 },
        { id: 'a1', tier: '9-10', title: title('A1'), sectionCount: 3 },
        { id: 'a2', tier: '9-10', title: title('A2'), sectionCount: 3 },
      ],
      done: [],
      attempts: [],
      read: [],
      assigned: [],
    };
    const s = summarizeCompletion(input, '2026-11-28');
    expect(s.byTier.map((t) => t.tier)).toEqual(['9-10', '11-12', '15-17']);
    expect(s.byModule.map((m) => m.id)).toEqual(['a1', 'a2', 'b1', 'd1']);
    expect(s.byTeacher[0]!.cells.map((c) => c.moduleId)).toEqual(['a1', 'a2', 'b1', 'd1']);
  });
});
