import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCatalog, checkCitations } from './check';
import { getFindings } from './findings';

const LANGS = ['en', 'ru', 'kk'] as const;

function lesson(lang: string, opts: { sections?: string[]; body?: string; minutes?: number; id?: string } = {}) {
  const sections = opts.sections ?? ['intro', 'practice', 'summary'];
  const body = opts.body ?? `Children most often tell friends (${lang === 'en' ? '31.5' : '31,5'}%) <Cite id="help-seeking.upset-who-told" />.`;
  return `---
id: ${opts.id ?? '9-10-sample'}
tier: "9-10"
order: 1
title: Title ${lang}
summary: A summary of the module in ${lang}.
minutes: ${opts.minutes ?? 20}
findings:
  - help-seeking.upset-who-told
---

${sections
  .map(
    (s, i) => `<Section id="${s}" title="Heading ${s}">

${i === 0 ? body : 'Plain text.'}
${i === 1 ? '\n<Scenario title="A pupil">\n\nA pupil shows you a message.\n\n</Scenario>\n\n<WhatToDo>\n\n- Listen.\n\n</WhatToDo>\n' : ''}
</Section>`,
  )
  .join('\n\n')}
`;
}

function question(i: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `q${i}`,
    type: 'single',
    section: 'intro',
    prompt: `Question number ${i}?`,
    options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Option ${id.toUpperCase()}` })),
    // Keys rotate over the positions and every option has the same length: a fair bank.
    correct: [['a', 'b', 'c', 'd'][i % 4]!],
    explanation: 'Friends come first: 31.5% told a friend.',
    findings: ['help-seeking.upset-who-told'],
    ...overrides,
  };
}

let roots: string[] = [];
afterEach(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
  roots = [];
});

function writeModule(root: string, slug: string, mutate: (files: Record<string, string>) => void) {
  const dir = path.join(root, '9-10', slug);
  fs.mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {};
  for (const l of LANGS) {
    files[`${l}.mdx`] = lesson(l, { id: `9-10-${slug}` });
    files[`quiz.${l}.json`] = JSON.stringify({ questions: Array.from({ length: 20 }, (_, i) => question(i)) });
  }
  mutate(files);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
}

/** A one-module catalog that passes, with `mutate` applied to its files. */
function fixture(mutate: (files: Record<string, string>) => void = () => {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-content-'));
  roots.push(root);
  writeModule(root, 'sample', mutate);
  return checkCatalog(root, 0).problems.map((p) => p.message);
}

const quiz = (files: Record<string, string>, lang: string, edit: (qs: ReturnType<typeof question>[]) => void) => {
  const parsed = JSON.parse(files[`quiz.${lang}.json`]!);
  edit(parsed.questions);
  files[`quiz.${lang}.json`] = JSON.stringify(parsed);
};

describe('content check', () => {
  it('passes a well-formed module', () => {
    expect(fixture()).toEqual([]);
  });

  it.each([
    ['missing frontmatter', (f: Record<string, string>) => (f['en.mdx'] = f['en.mdx']!.replace(/^---[\s\S]*?---\n/, '')), /missing frontmatter/],
    ['invalid frontmatter', (f: Record<string, string>) => (f['ru.mdx'] = lesson('ru', { minutes: 90 })), /invalid frontmatter/],
    [
      'an unknown finding id',
      (f: Record<string, string>) => (f['en.mdx'] = lesson('en', { body: 'Text (31.5%) <Cite id="no.such-finding" />.' })),
      /unknown finding id "no.such-finding"/,
    ],
    [
      'a percentage that differs from the finding',
      (f: Record<string, string>) => (f['kk.mdx'] = lesson('kk', { body: 'Мәтін (32%) <Cite id="help-seeking.upset-who-told" />.' })),
      /"32%" is not a figure/,
    ],
    ['a percentage with no citation', (f: Record<string, string>) => (f['en.mdx'] = lesson('en', { body: 'Most tell friends (31.5%).' })), /has no <Cite>/],
    ['a missing language', (f: Record<string, string>) => delete f['kk.mdx'], /kk\.mdx: missing/],
    [
      'a section missing in one language',
      (f: Record<string, string>) => (f['ru.mdx'] = lesson('ru', { sections: ['intro', 'summary', 'practice'] })),
      /section ids .* differ from en\.mdx|last section must be "summary"/,
    ],
    [
      'a module id not matching its folder',
      (f: Record<string, string>) => LANGS.forEach((l) => (f[`${l}.mdx`] = lesson(l, { id: '9-10-other' }))),
      /should be "9-10-sample"/,
    ],
    ['a question missing in one language', (f: Record<string, string>) => quiz(f, 'ru', (qs) => qs.pop()), /question ids differ|at least 10/],
    [
      'a quiz with no correct answer',
      (f: Record<string, string>) => LANGS.forEach((l) => quiz(f, l, (qs) => (qs[0]!.correct = []))),
      /invalid quiz bank|no correct answer/,
    ],
    [
      'a correct answer that is not an option',
      (f: Record<string, string>) => LANGS.forEach((l) => quiz(f, l, (qs) => (qs[0]!.correct = ['z']))),
      /not an option/,
    ],
    ['a duplicate option', (f: Record<string, string>) => quiz(f, 'en', (qs) => (qs[1]!.options[2]!.text = 'Option A')), /duplicate option text/],
    [
      'fewer than 20 questions',
      (f: Record<string, string>) => LANGS.forEach((l) => quiz(f, l, (qs) => qs.splice(19))),
      /has 19 questions; at least 20 are required/,
    ],
    [
      'keys that are the strictly longest option too often',
      (f: Record<string, string>) => quiz(f, 'ru', (qs) => qs.slice(0, 7).forEach((q) => (q.options.find((o) => o.id === q.correct[0])!.text += '!'))),
      /strictly longest option in 35%/,
    ],
    [
      'keys much shorter than the distractors',
      (f: Record<string, string>) => quiz(f, 'kk', (qs) => qs.forEach((q) => (q.options.find((o) => o.id === q.correct[0])!.text = 'Opt'))),
      /correct options are on average 38% of the length/,
    ],
    [
      'keys much longer than the distractors in multiple-choice items',
      (f: Record<string, string>) =>
        quiz(f, 'en', (qs) =>
          qs.forEach((q) =>
            Object.assign(q, {
              type: 'multiple',
              correct: ['a', 'b'],
              options: q.options.map((o) => ({ ...o, text: o.id < 'c' ? `${o.text} and a longer reason` : o.text })),
            }),
          ),
        ),
      /correct options are on average \d+% of the length/,
    ],
    [
      'a bare-number option',
      (f: Record<string, string>) => quiz(f, 'en', (qs) => (qs[0]!.options[1]!.text = 'About 31.5%')),
      /question "q0": option "b" is a bare number/,
    ],
    [
      'a bare-number option written the Kazakh way',
      (f: Record<string, string>) => quiz(f, 'kk', (qs) => (qs[5]!.options[3]!.text = 'шамамен 31,5 %')),
      /question "q5": option "d" is a bare number/,
    ],
    [
      'keys piled on one position',
      (f: Record<string, string>) => LANGS.forEach((l) => quiz(f, l, (qs) => qs.forEach((q, i) => (q.correct = [i < 9 ? 'b' : ['a', 'c', 'd'][i % 3]!])))),
      /option 2 is the key of 45%/,
    ],
    [
      'a question with no section',
      (f: Record<string, string>) => LANGS.forEach((l) => quiz(f, l, (qs) => delete (qs[0] as { section?: string }).section)),
      /question "q0": no "section"/,
    ],
    [
      'a section the lesson does not have',
      (f: Record<string, string>) => LANGS.forEach((l) => quiz(f, l, (qs) => (qs[0]!.section = 'nowhere'))),
      /section "nowhere" is not a section of the lesson/,
    ],
    [
      'a section that differs between languages',
      (f: Record<string, string>) => quiz(f, 'kk', (qs) => (qs[2]!.section = 'practice')),
      /"q2": type, section, options/,
    ],
    [
      'option ids that differ between languages',
      (f: Record<string, string>) => quiz(f, 'ru', (qs) => (qs[6]!.options[3]!.id = 'e')),
      /"q6": type, section, options/,
    ],
    [
      'a type that differs between languages',
      (f: Record<string, string>) => quiz(f, 'ru', (qs) => Object.assign(qs[7]!, { type: 'scenario', scenario: 'A pupil shows you a message.' })),
      /"q7": type, section, options/,
    ],
    [
      'an answer key that differs between languages',
      (f: Record<string, string>) => quiz(f, 'kk', (qs) => (qs[3]!.correct = ['c'])),
      /differ from quiz\.en\.json/,
    ],
    ['MDX that does not compile', (f: Record<string, string>) => (f['en.mdx'] = lesson('en', { body: 'Broken <Scenario title="x">' })), /MDX does not compile/],
    ['an unknown component', (f: Record<string, string>) => (f['ru.mdx'] = lesson('ru', { body: '<Video src="x" />' })), /unknown component <Video>/],
    [
      'an explanation figure that is not in its findings',
      (f: Record<string, string>) => quiz(f, 'en', (qs) => (qs[2]!.explanation = 'About 40% told a friend.')),
      /explanation quotes "40%"/,
    ],
    [
      'a prompt figure that is not in its findings',
      (f: Record<string, string>) => quiz(f, 'ru', (qs) => (qs[4]!.prompt = 'Другу рассказали 32,5% детей. Что делать?')),
      /prompt quotes "32,5%"/,
    ],
    [
      'an option figure that is not in its findings',
      (f: Record<string, string>) => quiz(f, 'kk', (qs) => (qs[5]!.options[0]!.text = 'Балалардың 40%-ы досына айтады')),
      /option "a" quotes "40%"/,
    ],
  ])('fails on %s', (_, mutate, message) => {
    const problems = fixture(mutate);
    expect(
      problems.some((p) => message.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('fails when two modules use the same question id, and passes when the ids differ', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-content-'));
    roots.push(root);
    writeModule(root, 'sample', () => {});
    writeModule(root, 'other', () => {});
    expect(checkCatalog(root, 0).problems.map((p) => p.message)).toContain('question id "q0" is also used by module 9-10-other');
    const renamed = (f: Record<string, string>) => LANGS.forEach((l) => quiz(f, l, (qs) => qs.forEach((q) => (q.id = `x-${q.id}`))));
    writeModule(root, 'sample', renamed);
    expect(checkCatalog(root, 0).problems).toEqual([]);
  });

  it('fails when a tier has fewer modules than required', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-content-'));
    roots.push(root);
    expect(checkCatalog(root).problems.map((p) => p.message)).toContain('has 0 modules; at least 4 are required');
  });

  it('reads Russian and Kazakh decimal commas and groups adjacent citations', () => {
    const findings = getFindings();
    expect(checkCitations('Досына айтты (31,5 %) <Cite id="help-seeking.upset-who-told" />.', findings)).toEqual([]);
    expect(checkCitations('150 and 24.1% <Cite id="help-seeking.helpline-150" /> <Cite id="help-seeking.upset-who-told" />', findings)).toEqual([]);
  });
});
