import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { drawQuestions } from '@/lib/quiz/draw';
import { scoreAnswers } from '@/lib/quiz/score';
import { loadCatalogFromDisk } from './catalog';
import { checkCatalog, checkHandouts } from './check';

// The content check on the shipped catalog and handouts (check.test.ts tests it on fixtures).
const LANGS = ['en', 'ru', 'kk'] as const;

let roots: string[] = [];
afterEach(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
  roots = [];
});

describe('the real catalog', () => {
  it('passes the content check', () => {
    const report = checkCatalog();
    expect(report.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([]);
  });

  it('loads every module with the same sections and questions in all languages', () => {
    const mods = loadCatalogFromDisk();
    expect(mods.length).toBeGreaterThanOrEqual(16);
    for (const m of mods) {
      for (const l of LANGS) {
        expect(m.lessons[l].sections.map((s) => s.id)).toEqual(m.lessons.en.sections.map((s) => s.id));
        expect(m.quizzes[l].questions.map((q) => q.id)).toEqual(m.quizzes.en.questions.map((q) => q.id));
      }
    }
  });

  it('every quiz is passable with its answer key and fails with wrong answers, in every language', () => {
    for (const m of loadCatalogFromDisk()) {
      for (const l of LANGS) {
        const bank = m.quizzes[l].questions;
        const ids = drawQuestions(
          bank.map((q) => q.id),
          [],
        );
        const right = Object.fromEntries(ids.map((id) => [id, bank.find((q) => q.id === id)!.correct]));
        expect(scoreAnswers(ids, bank, right)).toMatchObject({ score: 100, passed: true });
        const wrong = Object.fromEntries(
          ids.map((id) => {
            const q = bank.find((x) => x.id === id)!;
            return [id, [q.options.find((o) => !q.correct.includes(o.id))!.id]];
          }),
        );
        expect(scoreAnswers(ids, bank, wrong)).toMatchObject({ score: 0, passed: false });
      }
    }
  });

  it('ships the study findings unchanged', () => {
    const shared = path.join(process.cwd(), '..', 'shared', 'findings', 'findings.json');
    if (!fs.existsSync(shared)) return;
    expect(fs.readFileSync(path.join(process.cwd(), 'modules', 'evidence', 'findings.json'), 'utf8')).toBe(fs.readFileSync(shared, 'utf8'));
  });
});

describe('handout check', () => {
  function handoutFixture(mutate: (h: Record<string, unknown>, lang: string) => void) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-handouts-'));
    roots.push(root);
    for (const tier of ['9-10', '11-12', '13-14', '15-17']) {
      fs.mkdirSync(path.join(root, tier));
      for (const lang of LANGS) {
        const h = JSON.parse(fs.readFileSync(path.join('modules', 'handouts', tier, `${lang}.json`), 'utf8'));
        if (tier === '9-10') mutate(h, lang);
        fs.writeFileSync(path.join(root, tier, `${lang}.json`), JSON.stringify(h));
      }
    }
    return checkHandouts(root).map((p) => p.message);
  }

  it('passes the real handouts', () => {
    expect(checkHandouts().map((p) => `${p.where}: ${p.message}`)).toEqual([]);
  });

  it.each([
    [
      'a wrong figure',
      (h: Record<string, any>, lang: string) =>
        lang === 'en' && (h.sections[1].paragraphs[0] = 'About 77% told friends <Cite id="help-seeking.upset-who-told" />.'),
      /"77%" is not a figure/,
    ],
    ['a figure in a key message', (h: Record<string, any>) => (h.keyMessages[0] = 'Only 5% of parents know'), /carry no figures/],
    ['a missing section', (h: Record<string, any>, lang: string) => lang === 'kk' && h.sections.pop(), /missing or invalid/],
    [
      'findings that differ between languages',
      (h: Record<string, any>, lang: string) => lang === 'ru' && h.findings.push('access.first-online-age'),
      /findings differ from en.json/,
    ],
  ])('fails on %s', (_, mutate, message) => {
    const problems = handoutFixture(mutate as (h: Record<string, unknown>, lang: string) => void);
    expect(
      problems.some((p) => message.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });
});
