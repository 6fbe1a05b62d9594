import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_CSS, LESSON_CSS, lessonCss } from './lesson-css.mjs';

describe('public/lesson.css', () => {
  it('is what scripts/lesson-css.mjs makes from app/globals.css (run `npm run lesson-css` after editing the marked parts)', () => {
    expect(fs.readFileSync(LESSON_CSS, 'utf8')).toBe(lessonCss());
  });

  it('carries the shared header, lesson and citation rules and the lesson-only ones, without comments', () => {
    const css = lessonCss();
    for (const selector of [':root {', '.site-header', '.lesson {', '.cite-popover {', '.lang-links {', '.offline-tools[hidden] {'])
      expect(css).toContain(selector);
    expect(css.match(/\/\*/g)).toHaveLength(1);
    expect(css).not.toMatch(/^\d+:/m);
  });

  it('reads the app stylesheet in the order app/layout.tsx imports it (public/app.css is built from the same list)', () => {
    const layout = fs.readFileSync('app/layout.tsx', 'utf8');
    const imported = [...layout.matchAll(/^import '\.\/(.+\.css)';$/gm)].map((m) => `app/${m[1]}`);
    expect(imported).toEqual(APP_CSS);
  });
});
