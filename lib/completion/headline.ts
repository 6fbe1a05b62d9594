/** The two figures a school admin or an operator sees first: the share of expected modules completed, and how many are overdue. */
export type Headline = { expected: number; completed: number; percent: number; overdue: number };

export function headlineOf(rows: readonly { expected: number; completed: number; overdue: number }[]): Headline {
  const expected = rows.reduce((n, r) => n + r.expected, 0);
  const completed = rows.reduce((n, r) => n + r.completed, 0);
  const overdue = rows.reduce((n, r) => n + r.overdue, 0);
  // Floor, not round: 99.6% is not "100% done" while a module is still missing.
  return { expected, completed, overdue, percent: expected === 0 ? 0 : Math.floor((completed / expected) * 100) };
}
