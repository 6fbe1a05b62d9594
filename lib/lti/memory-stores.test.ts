import { describe, expect, it } from 'vitest';
import { MemoryLoginStateStore, MemoryNonceStore } from './memory-stores';

describe('MemoryNonceStore', () => {
  it('accepts a nonce once until it expires', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const store = new MemoryNonceStore({ now: () => now });
    const until = new Date('2026-03-01T10:05:00Z');
    expect(await store.markUsed('n1', until)).toBe(true);
    expect(await store.markUsed('n1', until)).toBe(false);
    expect(await store.markUsed('n2', until)).toBe(true);
    now = new Date('2026-03-01T10:05:01Z');
    expect(await store.markUsed('n1', new Date('2026-03-01T10:10:00Z'))).toBe(true);
  });
});

describe('MemoryLoginStateStore', () => {
  it('hands out a login once', async () => {
    const store = new MemoryLoginStateStore({ now: () => new Date('2026-03-01T10:00:00Z') });
    const login = {
      state: 's',
      nonce: 'n',
      issuer: 'https://lms.example',
      clientId: 'c',
      targetLinkUri: 'https://teach.example/',
      expiresAt: new Date('2026-03-01T10:10:00Z'),
    };
    await store.save(login);
    expect(await store.take('s')).toEqual(login);
    expect(await store.take('s')).toBeNull();
  });
});
