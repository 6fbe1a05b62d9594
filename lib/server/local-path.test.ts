import { describe, expect, it } from 'vitest';
import { localPath } from './local-path';

describe('localPath', () => {
  it('keeps a path on this site', () => {
    expect(localPath('/learn/9-10-living-online/quiz')).toBe('/learn/9-10-living-online/quiz');
    expect(localPath('/respond?lang=kk')).toBe('/respond?lang=kk');
  });

  it('refuses other origins, protocol-relative and backslash addresses, and non-strings', () => {
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', '\\\\evil', 'learn', '/a b', '', null, undefined, 42]) {
      expect(localPath(bad, '/')).toBe('/');
    }
  });
});
