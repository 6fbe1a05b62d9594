import { describe, expect, it } from 'vitest';
import { itemFiltersQuery, parseItemFilters } from './filters';

describe('item view filters', () => {
  const ids = ['9-10-first-steps', '13-14-help'];
  it('keeps known values and drops unknown ones', () => {
    expect(parseItemFilters({ module: '13-14-help', lang: 'ru', sort: 'difficulty' }, ids)).toEqual({
      moduleId: '13-14-help',
      language: 'ru',
      sort: 'difficulty',
    });
    expect(parseItemFilters({ module: "x' or 1=1", lang: 'de', sort: 'drop table' }, ids)).toEqual({ moduleId: null, language: '', sort: 'flags' });
    expect(parseItemFilters({ module: ['13-14-help', 'y'], lang: ['kk'] }, ids)).toEqual({ moduleId: '13-14-help', language: 'kk', sort: 'flags' });
  });
  it('writes back only what differs from the default', () => {
    expect(itemFiltersQuery({ moduleId: null, language: '', sort: 'flags' })).toBe('');
    expect(itemFiltersQuery({ moduleId: '13-14-help', language: 'en', sort: 'module' })).toBe('?module=13-14-help&lang=en&sort=module');
  });
});
