import { describe, expect, it } from 'vitest';
import { parsePage } from './pages';

describe('parsePage', () => {
  it('reads a positive whole number and falls back to page 1 otherwise', () => {
    expect(parsePage('3')).toBe(3);
    expect(parsePage(['2', '5'])).toBe(2);
    for (const bad of [undefined, '', 'abc', '0', '-1', '1.5', '2e3', ' 2', '99999999999999999999']) expect(parsePage(bad)).toBe(1);
  });
});
