import { describe, expect, it } from 'vitest';
import { shareLinks } from './share';

describe('share links', () => {
  it('carry the subject and the link, encoded', () => {
    const { whatsapp, telegram } = shareLinks('KKO Teach: құпиясөз & co', 'https://teach.example.kz/reset/a_b-c?x=1');
    const wa = new URL(whatsapp);
    expect(wa.origin).toBe('https://wa.me');
    expect(wa.searchParams.get('text')).toBe('KKO Teach: құпиясөз & co\nhttps://teach.example.kz/reset/a_b-c?x=1');
    const tg = new URL(telegram);
    expect(tg.origin + tg.pathname).toBe('https://t.me/share/url');
    expect(tg.searchParams.get('url')).toBe('https://teach.example.kz/reset/a_b-c?x=1');
    expect(tg.searchParams.get('text')).toBe('KKO Teach: құпиясөз & co');
  });
});
