import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, pageOf, parsePage } from './pages';

describe('parsePage', () => {
  it('reads a positive whole number and falls back to page 1 otherwise', () => {
    expect(parsePage('3')).toBe(3);
    expect(parsePage(['2', '5'])).toBe(2);
    for (const bad of [undefined, '', 'abc', '0', '-1', '1.5', '2e3', ' 2', '99999999999999999999']) expect(parsePage(bad)).toBe(1);
  });
});

describe('pageOf', () => {
  const rows = Array.from({ length: 2 * PAGE_SIZE + 1 }, (_, i) => i);

  it('cuts pages of PAGE_SIZE rows', () => {
    expect(pageOf(rows, 1)).toMatchObject({ page: 1, pages: 3, total: 101, first: 1 });
    expect(pageOf(rows, 1).rows).toHaveLength(PAGE_SIZE);
    expect(pageOf(rows, 2).rows[0]).toBe(PAGE_SIZE);
    expect(pageOf(rows, 3).rows).toEqual([2 * PAGE_SIZE]);
  });

  it('shows the last page for a page past the end', () => {
    expect(pageOf(rows, 4)).toMatchObject({ page: 3, rows: [100], first: 101 });
    expect(pageOf(rows, 1e9).page).toBe(3);
  });

  it('has one empty page when there is nothing to show', () => {
    expect(pageOf([], 7)).toEqual({ page: 1, pages: 1, total: 0, first: 0, rows: [] });
  });

  it('keeps a full last page full', () => {
    expect(pageOf(rows.slice(0, PAGE_SIZE * 2), 2)).toMatchObject({ page: 2, pages: 2, first: PAGE_SIZE + 1 });
  });
});
