import { describe, expect, it } from 'vitest';
import { getModule } from '@/lib/content/catalog';
import { offlineSet } from './offline-set';

describe('offline set', () => {
  const mods = ['9-10-living-online', '11-12-risks-and-harms'].map((id) => getModule(id)!);

  it('keeps every section in the asked language, the guide and the phone handouts of the tiers, and the personal pages apart', () => {
    const set = offlineSet(mods, 'ru', 'demo');
    const sections = mods.reduce((n, m) => n + m.lessons.ru.sections.length, 0);
    expect(set.public.filter((p) => p.startsWith('/lessons/'))).toHaveLength(sections);
    expect(set.public.every((p) => !p.startsWith('/lessons/') || p.startsWith('/lessons/ru/'))).toBe(true);
    expect(set.public).toContain('/respond?lang=ru');
    // The quiz page's own script and style, besides the lesson's: a saved quiz page works offline.
    expect(set.public).toEqual(expect.arrayContaining(['/lesson.css', '/lesson.js', '/app.css', '/quiz.js']));
    expect(set.public).toContain('/handouts/demo/9-10?lang=ru');
    expect(set.public).toContain('/handouts/demo/11-12?lang=ru');
    expect(set.public.some((p) => p.includes('13-14'))).toBe(false);
    expect(set.personal).toEqual([
      '/learn',
      '/learn/9-10-living-online',
      '/learn/9-10-living-online/quiz',
      '/api/progress/9-10-living-online',
      '/learn/11-12-risks-and-harms',
      '/learn/11-12-risks-and-harms/quiz',
      '/api/progress/11-12-risks-and-harms',
    ]);
    // Nothing personal in the shared cache.
    expect(set.public.some((p) => p.startsWith('/learn') || p.startsWith('/api/'))).toBe(false);
  });

  it('escapes a school slug into its path', () => {
    expect(offlineSet(mods.slice(0, 1), 'kk', 'a b').public).toContain('/handouts/a%20b/9-10?lang=kk');
  });
});
