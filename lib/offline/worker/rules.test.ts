import { describe, expect, it } from 'vitest';
import { ANSWER_PATH, isPersonalPage, isPublicPage, MARK_PATH, SAFE_NEXT } from './rules';

const u = (p: string) => new URL(p, 'https://teach.example.kz');

describe('what the service worker keeps', () => {
  it('keeps whole-page loads of lessons, the incident guide and phone handouts as public pages', () => {
    expect(isPublicPage(u('/lessons/kk/9-10-living-online/what-they-do'), 'navigate')).toBe(true);
    expect(isPublicPage(u('/respond?lang=ru'), 'navigate')).toBe(true);
    expect(isPublicPage(u('/respond/cyberbullying'), 'navigate')).toBe(true);
    expect(isPublicPage(u('/handouts/demo/9-10?lang=kk'), 'navigate')).toBe(true);
    expect(isPublicPage(u('/lesson.js'), 'no-cors')).toBe(true);
    // The quiz page's script and style, so a saved quiz page still works offline.
    expect(isPublicPage(u('/quiz.js'), 'no-cors')).toBe(true);
    expect(isPublicPage(u('/app.css'), 'no-cors')).toBe(true);
    expect(isPublicPage(u('/sw.js'), 'no-cors')).toBe(false);
  });

  it('never keeps a PDF, a card, an unknown language, personal pages or non-page fetches as public', () => {
    expect(isPublicPage(u('/handouts/demo/9-10.pdf'), 'navigate')).toBe(false);
    expect(isPublicPage(u('/handouts/demo/9-10.png'), 'navigate')).toBe(false);
    expect(isPublicPage(u('/lessons/de/9-10-living-online/what-they-do'), 'navigate')).toBe(false);
    expect(isPublicPage(u('/learn/9-10-living-online/quiz'), 'navigate')).toBe(false);
    expect(isPublicPage(u('/lessons/kk/9-10-living-online/what-they-do'), 'cors')).toBe(false);
    expect(isPublicPage(u('/admin'), 'navigate')).toBe(false);
  });

  it("keeps a teacher's own pages as personal, and nothing of the admin, operator or sign-in pages", () => {
    expect(isPersonalPage(u('/learn'), 'navigate')).toBe(true);
    expect(isPersonalPage(u('/learn/9-10-living-online/quiz'), 'navigate')).toBe(true);
    expect(isPersonalPage(u('/api/progress/9-10-living-online'), 'cors')).toBe(true);
    // Next's own in-app fetches (RSC) are left to the network.
    expect(isPersonalPage(u('/learn/9-10-living-online'), 'cors')).toBe(false);
    for (const p of ['/admin', '/operator', '/signin', '/certificates/x', '/learn/a/b/c', '/api/attempts/x'])
      expect(isPersonalPage(u(p), 'navigate')).toBe(false);
  });

  it('recognises the writes it may hold offline', () => {
    expect(MARK_PATH.test('/api/progress/9-10-living-online/what-they-do')).toBe(true);
    expect(MARK_PATH.test('/api/progress/9-10-living-online')).toBe(false);
    expect(ANSWER_PATH.test('/api/attempts/0b6c8a8e-1111-4000-8000-000000000000')).toBe(true);
    expect(ANSWER_PATH.test('/api/attempts/x/y')).toBe(false);
  });
});

describe('where a lesson form may lead offline', () => {
  it('accepts a lesson section or a quiz of this site only', () => {
    expect(SAFE_NEXT.test('/lessons/ru/9-10-living-online/what-they-do')).toBe(true);
    expect(SAFE_NEXT.test('/learn/9-10-living-online/quiz')).toBe(true);
    for (const bad of [
      '//evil.example/x',
      'https://evil.example/',
      '/lessons/ru/a/b?x=1',
      '/learn/a/b',
      '/lessons/de/a/b',
      '/lessons/ru/a/b/c',
      '/lessons/ru/a\\\\b/c',
    ])
      expect(SAFE_NEXT.test(bad)).toBe(false);
  });
});
