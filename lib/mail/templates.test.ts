import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { MAIL_KINDS, renderMail } from './templates';

describe('mail templates', () => {
  it('render every kind in every language with the link in text and html', () => {
    for (const kind of MAIL_KINDS) {
      const subjects = new Set<string>();
      for (const locale of LOCALES) {
        const m = renderMail(kind, locale, { link: 'https://teach.example.kz/reset/abc', name: 'Айгүл', schoolName: 'Школа №1' });
        expect(m.text).toContain('https://teach.example.kz/reset/abc');
        expect(m.html).toContain('href="https://teach.example.kz/reset/abc"');
        expect(m.html).toContain(`lang="${locale}"`);
        subjects.add(m.subject);
      }
      // Three different languages, not one text copied three times.
      expect(subjects.size).toBe(3);
    }
  });

  it('escapes names and school names in html', () => {
    const m = renderMail('join_confirm', 'en', { link: 'https://x.kz/confirm/t', name: '<script>x</script>', schoolName: 'A & B' });
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&#60;script&#62;');
    expect(m.html).toContain('A &#38; B');
  });

  it('writes Kazakh and Russian mail without English words', () => {
    const kk = renderMail('password_reset', 'kk', { link: 'https://x.kz/r' });
    const ru = renderMail('password_reset', 'ru', { link: 'https://x.kz/r' });
    expect(kk.text).toMatch(/құпиясөз/);
    expect(ru.text).toMatch(/пароль/);
    expect(kk.text).not.toMatch(/password/i);
    expect(ru.text).not.toMatch(/password/i);
  });
});
