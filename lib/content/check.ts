import { compileSync } from '@mdx-js/mdx';
import fs from 'node:fs';
import path from 'node:path';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { handoutFile, HANDOUT_SECTIONS, loadHandout, type Handout } from '@/lib/handouts/content';
import { loadModule, modulesRoot, type CatalogModule } from './catalog';
import { citableValues, getFindings } from './findings';
import { TIERS } from './tiers';
import { checkBankFairness, checkQuestionSections, duplicateQuestionIds } from './quiz-fairness';
import type { Finding, Question } from './types';

export type ContentProblem = { where: string; message: string };
export type ContentReport = {
  problems: ContentProblem[];
  modulesPerTier: Record<string, number>;
  questions: number;
  wordsPerLanguage: Record<Locale, number>;
};

export const MIN_MODULES_PER_TIER = 4;

const PERCENT = /(\d+(?:[.,]\d+)?)\s?%/g;
const CITE = /<Cite\s+id="([^"]+)"\s*\/>/g;

type Token = { at: number; end: number } & ({ kind: 'pct'; value: number; text: string } | { kind: 'cite'; id: string });

/**
 * Every percentage must be followed, in its paragraph, by a `<Cite>`; and every percentage
 * before a group of adjacent citations must be a value of one of those findings.
 */
export function checkCitations(text: string, findings: Map<string, Finding>): string[] {
  const errors: string[] = [];
  const chunks = text.split(/\n\s*\n|\n(?=\s*[-*] )/);
  for (const chunk of chunks) {
    const tokens: Token[] = [];
    for (const m of chunk.matchAll(PERCENT)) {
      tokens.push({ kind: 'pct', at: m.index, end: m.index + m[0].length, value: Number(m[1]!.replace(',', '.')), text: m[0] });
    }
    for (const m of chunk.matchAll(CITE)) tokens.push({ kind: 'cite', at: m.index, end: m.index + m[0].length, id: m[1]! });
    tokens.sort((a, b) => a.at - b.at);
    let pending: Extract<Token, { kind: 'pct' }>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind === 'pct') {
        pending.push(t);
        continue;
      }
      const group = [t.id];
      while (tokens[i + 1]?.kind === 'cite' && chunk.slice(t.end, tokens[i + 1]!.at).trim() === '') {
        const next = tokens[++i] as Extract<Token, { kind: 'cite' }>;
        group.push(next.id);
      }
      const allowed = new Set<number>();
      for (const id of group) {
        const f = findings.get(id);
        if (!f) errors.push(`unknown finding id "${id}"`);
        else for (const v of citableValues(f)) allowed.add(v);
      }
      for (const p of pending) {
        if (group.every((id) => findings.has(id)) && !allowed.has(p.value)) {
          errors.push(`"${p.text}" is not a figure of ${group.join(', ')}`);
        }
      }
      pending = [];
    }
    for (const p of pending) errors.push(`"${p.text}" has no <Cite> after it in its paragraph: "${chunk.trim().slice(0, 80)}"`);
  }
  return errors;
}

export const LESSON_COMPONENTS = ['Cite', 'Scenario', 'WhatToDo'];

/** The section compiles as MDX, uses only the lesson components, and carries no code. */
export function checkMdx(body: string): string[] {
  const errors: string[] = [];
  for (const m of body.matchAll(/<([A-Z][A-Za-z]*)/g)) {
    if (!LESSON_COMPONENTS.includes(m[1]!)) errors.push(`unknown component <${m[1]}>`);
  }
  if (/^\s*(import|export)\s/m.test(body)) errors.push('import/export statements are not allowed');
  try {
    compileSync(body);
  } catch (err) {
    errors.push(`MDX does not compile: ${(err as Error).message.split('\n')[0]}`);
  }
  return errors;
}

/** Percentages anywhere in a question (scenario, prompt, options, explanation) must belong to its findings. */
export function checkExplanation(q: Question, findings: Map<string, Finding>): string[] {
  const errors: string[] = [];
  const allowed = new Set<number>();
  for (const id of q.findings) {
    const f = findings.get(id);
    if (!f) errors.push(`unknown finding id "${id}"`);
    else for (const v of citableValues(f)) allowed.add(v);
  }
  const texts: [string, string][] = [
    ['scenario', q.scenario ?? ''],
    ['prompt', q.prompt],
    ...q.options.map((o): [string, string] => [`option "${o.id}"`, o.text]),
    ['explanation', q.explanation],
  ];
  for (const [where, text] of texts) {
    for (const m of text.matchAll(PERCENT)) {
      if (!allowed.has(Number(m[1]!.replace(',', '.')))) errors.push(`${where} quotes "${m[0]}", not a figure of ${q.findings.join(', ')}`);
    }
  }
  return errors;
}

export function checkQuestion(q: Question): string[] {
  const errors: string[] = [];
  const optionIds = q.options.map((o) => o.id);
  if (new Set(optionIds).size !== optionIds.length) errors.push('duplicate option id');
  const texts = q.options.map((o) => o.text.trim().toLowerCase());
  if (new Set(texts).size !== texts.length) errors.push('duplicate option text');
  if (q.correct.length === 0) errors.push('no correct answer');
  for (const c of q.correct) if (!optionIds.includes(c)) errors.push(`correct answer "${c}" is not an option`);
  if (new Set(q.correct).size !== q.correct.length) errors.push('correct answer listed twice');
  if (q.type !== 'multiple' && q.correct.length !== 1) errors.push(`a ${q.type} question needs exactly one correct answer`);
  if (q.type === 'multiple' && q.correct.length < 2) errors.push('a multiple question needs two or more correct answers');
  if (q.type === 'scenario' && !q.scenario) errors.push('a scenario question needs scenario text');
  return errors;
}

function sameShape(a: Question, b: Question) {
  return (
    a.type === b.type &&
    a.section === b.section &&
    a.options.map((o) => o.id).join() === b.options.map((o) => o.id).join() &&
    [...a.correct].sort().join() === [...b.correct].sort().join() &&
    [...a.findings].sort().join() === [...b.findings].sort().join()
  );
}

export function checkModule(mod: CatalogModule, findings: Map<string, Finding>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (where: string, message: string) => problems.push({ where: path.relative(process.cwd(), where), message });
  const en = mod.lessons.en;
  const expectedId = `${mod.tier}-${mod.slug}`;
  if (mod.id !== expectedId) at(mod.dir, `id "${mod.id}" should be "${expectedId}"`);
  for (const lang of LOCALES) {
    const file = path.join(mod.dir, `${lang}.mdx`);
    const { frontmatter: fm, sections } = mod.lessons[lang];
    if (fm.tier !== mod.tier) at(file, `tier "${fm.tier}" does not match its folder "${mod.tier}"`);
    for (const key of ['id', 'tier', 'order', 'minutes'] as const) {
      if (fm[key] !== en.frontmatter[key]) at(file, `${key} differs from en.mdx`);
    }
    if ([...fm.findings].sort().join() !== [...en.frontmatter.findings].sort().join()) at(file, 'findings differ from en.mdx');
    for (const id of fm.findings) if (!findings.has(id)) at(file, `unknown finding id "${id}" in frontmatter`);
    if (sections.length < 3 || sections.length > 6) at(file, `has ${sections.length} sections; 3-6 are required`);
    const ids = sections.map((s) => s.id);
    if (ids.join() !== en.sections.map((s) => s.id).join()) at(file, `section ids ${ids.join(', ')} differ from en.mdx`);
    if (new Set(ids).size !== ids.length) at(file, 'duplicate section id');
    if (ids.at(-1) !== 'summary') at(file, 'the last section must be "summary"');
    const body = sections.map((s) => s.body).join('\n\n');
    if (!/<Scenario\s+title="[^"]+"\s*>/.test(body)) at(file, 'no <Scenario title="..."> block');
    if (!/<WhatToDo>/.test(body)) at(file, 'no <WhatToDo> list');
    for (const s of sections) {
      for (const e of [...checkCitations(s.body, findings), ...checkMdx(s.body)]) at(file, `section "${s.id}": ${e}`);
    }

    const quizFile = path.join(mod.dir, `quiz.${lang}.json`);
    const questions = mod.quizzes[lang].questions;
    const enQuestions = mod.quizzes.en.questions;
    for (const e of checkBankFairness(questions)) at(quizFile, e);
    for (const e of checkQuestionSections(questions, ids)) at(quizFile, e);
    const qids = questions.map((q) => q.id);
    if (new Set(qids).size !== qids.length) at(quizFile, 'duplicate question id');
    if (qids.join() !== enQuestions.map((q) => q.id).join()) at(quizFile, 'question ids differ from quiz.en.json');
    for (const q of questions) {
      for (const e of [...checkQuestion(q), ...checkExplanation(q, findings)]) at(quizFile, `question "${q.id}": ${e}`);
      const twin = enQuestions.find((x) => x.id === q.id);
      if (twin && !sameShape(q, twin)) at(quizFile, `question "${q.id}": type, section, options, answer key or findings differ from quiz.en.json`);
    }
  }
  return problems;
}

function countWords(mod: CatalogModule, lang: Locale) {
  const text = mod.lessons[lang].sections.map((s) => `${s.title} ${s.body.replace(/<[^>]+>/g, ' ')}`).join(' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Loads every module folder independently, so one broken module does not hide the others' problems. */
export function checkCatalog(root = modulesRoot(), minPerTier = MIN_MODULES_PER_TIER): ContentReport {
  const findings = getFindings();
  const problems: ContentProblem[] = [];
  const modulesPerTier: Record<string, number> = {};
  const wordsPerLanguage = { kk: 0, ru: 0, en: 0 } as Record<Locale, number>;
  const ids = new Map<string, string>();
  const banks: { moduleId: string; questionIds: string[] }[] = [];
  let questions = 0;
  for (const tier of TIERS) {
    modulesPerTier[tier] = 0;
    const tierDir = path.join(root, tier);
    const slugs = fs.existsSync(tierDir) ? fs.readdirSync(tierDir).filter((s) => fs.statSync(path.join(tierDir, s)).isDirectory()) : [];
    for (const slug of slugs) {
      const dir = path.join(tierDir, slug);
      let mod: CatalogModule;
      try {
        mod = loadModule(dir, tier, slug);
      } catch (err) {
        problems.push({ where: path.relative(process.cwd(), dir), message: (err as Error).message });
        continue;
      }
      if (ids.has(mod.id)) problems.push({ where: dir, message: `module id "${mod.id}" also used by ${ids.get(mod.id)}` });
      ids.set(mod.id, dir);
      modulesPerTier[tier]++;
      questions += mod.quizzes.en.questions.length;
      for (const lang of LOCALES) wordsPerLanguage[lang] += countWords(mod, lang);
      problems.push(...checkModule(mod, findings));
      banks.push({ moduleId: mod.id, questionIds: mod.quizzes.en.questions.map((q) => q.id) });
    }
    if (modulesPerTier[tier]! < minPerTier) {
      problems.push({ where: `modules/${tier}`, message: `has ${modulesPerTier[tier]} modules; at least ${minPerTier} are required` });
    }
  }
  for (const message of duplicateQuestionIds(banks)) problems.push({ where: path.relative(process.cwd(), root) || '.', message });
  return { problems, modulesPerTier, questions, wordsPerLanguage };
}

/** Parent handouts: shape, the same sections and findings in every language, and every figure against its citation. */
export function checkHandouts(root = path.join(process.cwd(), 'modules', 'handouts')): ContentProblem[] {
  const findings = getFindings();
  const problems: ContentProblem[] = [];
  for (const tier of TIERS) {
    const loaded: Partial<Record<Locale, Handout>> = {};
    for (const lang of LOCALES) {
      const file = handoutFile(tier, lang, root);
      const where = path.relative(process.cwd(), file);
      try {
        loaded[lang] = loadHandout(tier, lang, root);
      } catch (err) {
        problems.push({ where, message: `missing or invalid: ${(err as Error).message.split('\n')[0]}` });
        continue;
      }
      const h = loaded[lang]!;
      if (h.tier !== tier) problems.push({ where, message: `tier "${h.tier}" does not match its folder` });
      h.sections.forEach((s, i) => {
        if (s.id !== HANDOUT_SECTIONS[i]) problems.push({ where, message: `section ${i + 1} should be "${HANDOUT_SECTIONS[i]}"` });
      });
      const cited = new Set<string>();
      for (const s of h.sections) {
        for (const text of [...s.paragraphs, ...s.bullets]) {
          for (const e of checkCitations(text, findings)) problems.push({ where, message: `section "${s.id}": ${e}` });
          for (const m of text.matchAll(CITE)) cited.add(m[1]!);
        }
      }
      for (const text of [h.title, h.intro, ...h.keyMessages]) {
        if (PERCENT.test(text) || /<Cite/.test(text))
          problems.push({ where, message: `title, intro and key messages carry no figures or citations: "${text.slice(0, 50)}"` });
        PERCENT.lastIndex = 0;
      }
      for (const id of cited) if (!h.findings.includes(id)) problems.push({ where, message: `cites "${id}" but does not list it in findings` });
      for (const id of h.findings) if (!findings.has(id)) problems.push({ where, message: `unknown finding id "${id}"` });
    }
    const en = loaded.en;
    for (const lang of ['ru', 'kk'] as const) {
      const h = loaded[lang];
      if (!en || !h) continue;
      if ([...h.findings].sort().join() !== [...en.findings].sort().join()) {
        problems.push({ where: path.relative(process.cwd(), handoutFile(tier, lang, root)), message: 'findings differ from en.json' });
      }
    }
  }
  return problems;
}
