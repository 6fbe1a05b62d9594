import { describe, expect, it } from 'vitest';
import { ByteLru } from './cache';

describe('ByteLru', () => {
  it('evicts the least recently used entries past its byte budget', () => {
    const lru = new ByteLru(10);
    lru.set('a', Buffer.alloc(4));
    lru.set('b', Buffer.alloc(4));
    lru.get('a');
    lru.set('c', Buffer.alloc(4));
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBeDefined();
    expect(lru.get('c')).toBeDefined();
    expect(lru.size).toBe(8);
  });
});
